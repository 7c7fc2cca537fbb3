"""The safety lexicon: the words and phrase patterns that mark risk, idioms, negation and framing.

Patterns use a small notation compiled to spaCy Matcher token patterns (see `bot.safety.patterns`):
  word           a token whose base form (lookup lemma) equals the word's base form: "kill" ≈ kills/killing/killed
  a|b|c          any of the alternatives
  =word          the exact lowercase token (no lemma), for words the lemma table mangles
  ?x / ?a|b      an optional token
  ~N             up to N arbitrary tokens
  #              a number ("6", "ten")
  $SET           any word of a word set below
  [a b|c d]      a phrase group: either "a b" or "c d" (alternatives may be several words long)
  {MACRO}        expands to several alternative fragments (subjects, intentions …)

Rules are grouped by how context may clear them:
  "ideation"  — thoughts, wishes, plans: cleared only by negation, an idiom or a clearly past time ("years ago")
  "event"     — something happening or that happened: also cleared by hypothetical framing ("if …", "in case")
                or a question that asks about possibility ("can I have a seizure from …")
  "method"    — asking for a lethal amount or method: never cleared by question framing
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Tuple

# ---------------------------------------------------------------------------------------------------------------
# Word sets
# ---------------------------------------------------------------------------------------------------------------
WORD_SETS: Dict[str, List[str]] = {
    "PERSON": (
        "mom dad mama papa parent parents brother sister son daughter husband wife partner boyfriend girlfriend "
        "friend roommate flatmate housemate kid kids child children baby grandma grandpa grandmother grandfather "
        "aunt uncle cousin fiance fiancee spouse buddy mate coworker colleague neighbor neighbour teen teenager "
        "bro sis niece nephew stepdad stepmom stepson stepdaughter ex patient client guy girl man woman "
        "family loved one"
    ).split(),
    "BENZO": (
        "klonopin clonazepam klonipin klonapin klonopine clonopin klonopins clonazapam clonazepan clonazapem "
        "klonazepam clonazepams kpin kpins k-pin k-pins klonnie klonnies klons klon pins pin benzo benzos "
        "benzodiazepine benzodiazepines xanax xannies bars bar alprazolam valium diazepam ativan lorazepam "
        "pill pills tablet tablets tab tabs meds med medication medications dose doses"
    ).split(),
    "DEPRESSANT": (
        "alcohol drink drinks drank drinking drunk beer beers wine vodka whiskey whisky rum gin tequila liquor "
        "booze shots shot hennessy brandy cocktail cocktails seltzer seltzers "
        "oxy oxys oxycodone oxycontin percocet percocets perc percs hydrocodone vicodin norco opioid opioids "
        "opiate opiates heroin fentanyl fent morphine codeine lean methadone tramadol dilaudid suboxone "
        "kratom gabapentin ghb"
    ).split(),
    "BE": "am is are was were be being been".split(),
    "NEGATOR": "not never no nothing nobody n't".split(),
    "SELF_OBJ": "myself =me".split(),
    "OTHER_OBJ": "him her them someone somebody people everyone everybody".split(),
}


# ---------------------------------------------------------------------------------------------------------------
# Macros: each expands into alternative pattern fragments
# ---------------------------------------------------------------------------------------------------------------
MACROS: Dict[str, List[str]] = {
    # Someone present and specific: the speaker or a person they name. "you"/"people" are deliberately absent.
    "SELF": ["i", "we"],
    "OTHER": [
        "he|she|they|someone|somebody",
        "my|our|his|her ?best|little|big|older|younger|baby|step|twin $PERSON",
        "my|our|his|her ?best|little|big|older|younger|baby|step|twin $PERSON ?- ?in ?- ?law",
    ],
    "SUBJ": ["{SELF}", "{OTHER}"],
    # Intentions and wishes between a subject and an act: "want to", "am going to", "keep thinking about" …
    "INTENT": [
        "want|wish|need|plan|mean|intend|decide|try|prepare|ready|deserve ?to",
        "=want|=wanted =to",
        "$BE ?just ?really going|about|ready|planning|trying|tempted|fixing to",
        "will|shall ?just",
        "might|may|could|should ?just ?really",
        "keep|kept ?on thinking|think ?about|of",
        "$BE ?seriously|really|constantly|always thinking|considering ?about|of",
        "think|thought about|of",
        "feel ?like",
        "$BE ?so ?close to",
        "can|could not stop thinking about|of",
        "have|got ?to",
        "'d|would ?just ?rather",
        "would ?just ?like to",
        "$BE ?just ?done ~1 going to",
    ],
    "KILL_SELF": [
        "kill|off|end|unalive|murder $SELF_OBJ",
        "end|take|finish my ?own life|lives",
        "end it|everything|this ?all",
        "end it =all",
        "commit suicide",
        "do it|this tonight|today|now",
        "hang|shoot|drown|poison|suffocate|stab $SELF_OBJ",
        "slit|cut my wrists|wrist|throat",
        "jump off|from ~3 bridge|roof|building|cliff|balcony|overpass",
        "jump in front of ~2 train|car|truck|bus",
        "step|walk in front of ~2 train|car|truck|bus",
        "drive ~2 off ~2 road|cliff|bridge",
        "drive into ~2 tree|wall|pole|traffic",
        "take|swallow ?all ~2 =pills|=klonopin|=benzos|=kpins|=tablets ~2 at once",
        "take|swallow all ~1 my|the|of ~3 =pills|=klonopin|=benzos|=kpins|=tablets|bottle|meds|stash",
        "take|swallow|down|chug the|my|a whole|entire bottle|pack|stash|script|prescription",
        "overdose ?on ~3 purpose",
        "overdose =on ~3",
        "overdose",
        "die",
        "be dead",
        "not|never wake up",
        "sleep|rest forever",
        "sleep and|n ~1 not|never wake ?up",
        "go to sleep and not|never wake ?up",
        "disappear forever|permanently",
        "not|never exist|be ~1 here|around|alive ~2 anymore|tomorrow",
        "stop existing|living|breathing",
        "join =him|=her|=them in heaven",
        "be with =him|=her|=them in heaven",
        "yeet $SELF_OBJ",
        "ctb",
        "catch the bus",
        "rope",
        "final|last exit|sleep|goodbye",
    ],
}


@dataclass(frozen=True)
class Rule:
    """A named group of patterns for one risk category and one kind of evidence."""

    name: str
    category: str
    kind: str  # "ideation" | "event" | "method" | "coded"
    patterns: Tuple[str, ...]


RULES: Tuple[Rule, ...] = (
    # ---------------------------------------------------------------------------------------------- suicide
    Rule(
        "suicide.intent",
        "suicide",
        "ideation",
        (
            "{SELF} ?really|just|honestly|seriously|literally|kinda|sometimes|still|often {INTENT} ?just ~1 {KILL_SELF}",
            "{SELF} {INTENT} ~2 {KILL_SELF}",
            "{SELF} $BE ?so ?just going to {KILL_SELF}",
            "{SELF} ?literally|really|just|honestly|seriously want|wanna|wish|wished to|i die",
            "{SELF} wish ~2 =dead",
            "{SELF} wish ~2 never =born|=existed|=woke",
            "{SELF} wish ~3 not|never wake up",
            "{SELF} hope ~3 not|never wake up",
            "{SELF} pray ~3 not|never wake up|die",
            "=i|=we $BE ?so ?fucking ?really|literally|seriously|actively|passively|kind|sort|getting ?of suicidal",
            "{SELF} feel|felt|feeling ?so|really|very|kind|sort|pretty ?of suicidal",
            "{SELF} ?have|had|been|keep ?having|getting ?really|bad|these|constant|intrusive suicidal|suicide thought|thoughts|ideation|urges|feelings",
            "suicidal =again|=rn|=tonight|=today|=lately|=af",
            "{SELF} $BE ?really done|finished with life|living|everything|it all",
            "{SELF} =do =not want to live|exist|be|wake|go ~2 alive|here|anymore|tomorrow|up|on",
            "{SELF} =do =not want to live",
            "{SELF} =do =not want to exist|=be|wake ~2 anymore|up|alive|tomorrow",
            "{SELF} =do =not =want =to =be =here",
            "{SELF} =do =not see the point ~2 living|life|anymore|going",
            "{SELF} =do =not see ~1 point in ~2 living|life|anything|going",
            "{SELF} can|could not =go =on",
            "{SELF} can|could not =do =this|=it|=life ~1 anymore",
            "{SELF} can|could not =take =it|=this|=life ~1 anymore",
            "{SELF} can|could not =keep =going|=living",
            "{SELF} can|could not ~2 =live =like =this",
            "no|nothing reason|point to|in live|living|go|going|keep|carry|stay",
            "nothing ~1 to live for",
            "nothing ~1 left to live for",
            "=better =off =dead",
            "=better =off without =me|=us",
            "world|everyone|everybody|family|kids|they|he|she|people ~3 =better =off without =me",
            "=better =off if =i =was|=were|=wasnt|=weren ~2 =gone|=dead|=around|=here",
            "=better =off if =i =did =not =exist",
            "=better =off =if =i =died",
            "=better =if =i =was|=were =dead|=gone",
            "=better =off =if =i =was =never =born",
            "no one|nobody would|will ~2 miss|notice|care ~2 if|when i ~2 gone|died|die|dead|disappear|here",
            "=no =one =would =miss =me",
            "=nobody =would =miss =me",
            "=i =am =a =burden",
            "i|we $BE ~2 burden to|on everyone|everybody|my|them",
            "{SELF} =just =want =it =all =to =end|=stop",
            "{SELF} =just =want =everything =to =end|=stop",
            "{SELF} want|wish|need the|this pain ~2 to stop|end ~1 forever|permanently|for good",
            "{SELF} want it ~2 to stop|end ~1 forever|permanently|for good",
            "=want =it =to =be =over",
            "{SELF} $BE ~1 ready to go",
            "{SELF} $BE ~1 ready to die",
            "{SELF} =want =out =of =life",
            "{SELF} =want =to =be =gone",
            "{SELF} $BE ~2 =better =off =gone",
            "{SELF} =just =want =to =disappear",
            "{SELF} =want =to =disappear =forever|=permanently",
            "=this =is =my =goodbye",
            "=this =is =goodbye",
            "=saying =goodbye =to =everyone",
            "=goodbye =everyone|=forever|=world",
            "=tell =my ~2 =i =love =them|=her|=him",
            "=life =is =not =worth =living",
            "=not =worth =living",
            "=my =life =is =over",
        ),
    ),
    Rule(
        "suicide.plan",
        "suicide",
        "ideation",
        (
            "{SELF} ~2 save|saving|stockpile|hoard|collect|stash|keep|set ~2 up|aside ~3 =pills|=klonopin|=kpins|=benzos|=bars|=tablets|=meds|=pins|=klonnies",
            "{SELF} ~2 =saving|=stockpiling|=hoarding|=collecting|=stashing ~3 =pills|=klonopin|=kpins|=benzos|=bars|=tablets|=meds|=pins|=klonnies|=them",
            "{SELF} ~2 =saved|=stockpiled|=hoarded|=collected|=stashed ~3 =pills|=klonopin|=kpins|=benzos|=bars|=tablets|=meds|=pins|=klonnies|=enough",
            "{SELF} have|got ~2 enough ~3 =pills|=klonopin|=kpins|=benzos|=bars|=tablets|=meds|=pins to",
            "enough ~2 =pills|=klonopin|=kpins|=benzos|=bars|=tablets|=meds =to =do =it|=end|=die|=kill|=not",
            "{SELF} ~3 wrote|write|written|writing ~2 =note|=notes|=letter|=letters|=goodbyes",
            "suicide =note|=notes|=letter|=plan",
            "goodbye =note|=notes|=letter|=letters|=texts|=messages",
            "{SELF} ~2 =giving|=gave =away ~2 =my =stuff|=things|=belongings|=cat|=dog|=pets",
            "{SELF} ~2 bought|buy|got|have|found ~2 =a =rope|=gun|=razor|=blade",
            "{SELF} know|knows where ~3 =keeps|=keep =his|=her|=the|=a|=my ~1 =gun|=guns|=pistol|=rifle",
            "where ~2 =keeps =his|=her|=the =gun|=guns|=pistol",
            "{SELF} ~1 have|got a plan",
            "{SELF} ~1 made|have|got ~1 =a =plan ~2 =tonight|=to|=for",
            "{SELF} $BE ~1 =on =the =roof|=bridge|=ledge|=edge",
            "{SELF} =am =standing =on|=at ~2 =bridge|=roof|=ledge|=edge|=tracks",
            "{SELF} ~2 =picked =a =date",
            "{SELF} ~2 =set =a =date",
        ),
    ),
    Rule(
        "suicide.method",
        "suicide",
        "method",
        (
            "how many|much ~6 take|need|have|swallow|would|does|do|to ~4 =to =die|=kill|=not|=never|=overdose|=end|=od|=stop",
            "how many|much ~6 =kill|=kills|=killing ~1 =me|=someone|=a|=you|=person",
            "how many|much ~6 [would be|will be|is|are|would|will] lethal|fatal|deadly|enough|too",
            "how many|much [would|will|does|do|did|could] it|that take",
            "how many|much ~2 [would|will|does|do] it take ~3 [to die|to kill|to not|to never|to overdose|to end|to od|so i]",
            "how many|much ~6 [to be|is|would be] fatal|lethal|deadly|enough",
            "how many|much ~6 =to =overdose|=od|=die",
            "how many|much ~6 until|till|before ~2 i|you ~1 die|dead|overdose|stop",
            "how many|much ~6 before =it|=you ~2 =kills|=kill",
            "how many|much ~6 =is ~1 =an|=a ~1 =overdose|=lethal|=fatal",
            "how many|much ~6 =is =too =many =to|=much",
            "what|which ~3 =lethal|=fatal|=deadly ~1 dose|amount|quantity|number",
            "=lethal|=fatal|=deadly dose|amount|quantity|number",
            "what ~4 amount|dose|number ~3 =kill|=kills|=die|=lethal|=fatal",
            "enough ~3 =to =kill|=die|=not =wake|=never =wake|=overdose",
            "what|which ~2 =is ~1 =the =best|=easiest|=quickest|=fastest|=painless|=painlessly|=surest way to die|go|end|kill|overdose",
            "=best|=easiest|=quickest|=fastest|=painless|=surest way to die|kill|end|go|overdose",
            "=painless|=easy|=peaceful =way|=ways|=death|=method",
            "=how =to =die =painlessly|=peacefully|=quickly|=in =my =sleep",
            "=how =to =kill =myself",
            "=how =to =overdose",
            "=how =do =i =overdose",
            "=how =can =i =overdose",
            "=how =would =i =overdose",
            "=how =to =not =wake =up",
            "=to =not =wake =up",
            "=so =i|=that =do|=will|=would|=wo =not =wake =up",
            "=and =not =wake =up",
            "=and =never =wake =up",
            "=not =wake =up =tomorrow|=tonight",
            "overdose ~3 =on =purpose",
            "=would ~4 =kill =me",
            "=will ~4 =kill =me ~1 =if =i",
            "=enough =to =kill|=end =me|=myself",
        ),
    ),
    Rule(
        "suicide.coded",
        "suicide",
        "coded",
        (
            "=kms",
            "=kmsl",
            "=unalive",
            "=unaliving",
            "=unalived",
            "=ctb",
            "=sewerslide",
            "=sewer =slide",
            "=suicide =tonight|=today|=now",
            "=commit =suicide",
            "=go =to =sleep =forever",
            "=sleep =forever",
            "=sleep =and =never =wake",
            "=never =wake =up =again",
            "=permanent =solution",
            "=final =exit",
            "=end =it =all",
            "=end =it =tonight|=today|=now|=soon",
            "=end =everything",
            "=end =my =life",
            "=take =my =own =life",
            "=take =my =life",
            "=off =myself",
            "=kill =myself",
            "=killing =myself",
            "=killed =myself",
            "=hang =myself",
            "=hanging =myself",
            "=drown =myself",
            "=shoot =myself",
            "=jump =off|=from =a|=the ~1 =bridge|=roof|=building|=cliff|=balcony",
            "=yeet =myself",
            "=rope =myself",
            "=catch =the =bus",
            "=be =gone =forever",
            "=checking =out =early",
            "=check =out =early|=permanently",
        ),
    ),
    Rule(
        "suicide.third_party",
        "suicide",
        "ideation",
        (
            "{OTHER} ~3 want|wants|wanted|going|planning|plan|threaten|threatening|threatens|tried|try|trying|talk|talking|talks|said|says|say|keep|keeps|told|texted|posted ~4 =kill =himself|=herself|=themself|=themselves",
            "{OTHER} ~3 want|wants|wanted|said|says|keep|keeps|told|texted|posted|talking|talks ~3 =to =die|=end =it|=end =his|=end =her|=not =be =here|=not =be =alive",
            "{OTHER} ~2 =is|=was|=seems|=sounds =suicidal",
            "=kill =himself|=herself|=themself|=themselves",
            "=killing =himself|=herself|=themselves",
            "=end =his|=her|=their =life|=own",
            "=take =his|=her|=their =own =life",
            "=attempted =suicide",
            "=attempting =suicide",
            "=suicide =attempt",
        ),
    ),
    Rule(
        "suicide.spanish",
        "suicide",
        "coded",
        (
            "=me =quiero =morir",
            "=quiero =morir|=morirme|=matarme|=suicidarme|=desaparecer",
            "=me =quiero =matar|=suicidar",
            "=me =voy =a =matar|=suicidar",
            "=voy =a =matarme|=suicidarme",
            "=no =quiero =vivir|=seguir",
            "=pienso =en =suicidarme|=matarme|=morir",
            "=pensando =en =suicidarme|=matarme|=morir|=quitarme",
            "=quitarme =la =vida",
            "=ganas =de =morir|=morirme|=matarme",
            "=me =quiero =quitar =la =vida",
            "=suicidarme",
            "=matarme",
        ),
    ),
    # ------------------------------------------------------------------------------------------- self-harm
    Rule(
        "self_harm.act",
        "self_harm",
        "ideation",
        (
            "{SELF} ~3 cut|burn|hurt|harm|hit|punch|scratch|stab|bite|bruise|beat|slice|carve|starve|punish $SELF_OBJ",
            "{SELF} ~3 cut|burn|slice|carve|scratch my arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach",
            "{SELF} ~3 =cutting|=cut =again",
            "{SELF} ~3 relapse|relapsed ~2 =on|=with =cutting|=sh|=self",
            "{SELF} ~3 =urge|=urges ~2 =to =cut|=hurt|=harm|=burn|=sh",
            "{SELF} ~1 self|=selfharm|=self-harm ~1 =harm|=harmed|=harming ~1 =again|=tonight|=lately",
            "=self =harm|=harming =again|=tonight|=urges",
            "=selfharm|=self-harm|=self-harming|=selfharming",
            "=sh =again|=urges|=relapse",
            "=relapsed =on =sh",
            "=want|=wanna =to ~1 =bleed",
            "=make =myself =bleed",
            "=until =i =bleed",
            "{SELF} ~2 bang|banging|hit|hitting ~1 my head",
            "=cutting =myself",
            "=burning =myself",
            "=hurting =myself",
            "=harming =myself",
            "=hurt =myself",
            "=harm =myself",
            "=cut =myself",
            "=burn =myself",
        ),
    ),
    Rule(
        "self_harm.third_party",
        "self_harm",
        "ideation",
        (
            "{OTHER} ~3 cut|cutting|burn|burning|hurt|hurting|harm|harming|hit|hitting =himself|=herself|=themselves|=themself",
            "{OTHER} ~2 =is|=has|=was|=been =self|=selfharming|=self-harming",
        ),
    ),
    # ----------------------------------------------------------------------------------------- harm to others
    Rule(
        "harm_others.intent",
        "harm_others",
        "ideation",
        (
            "{SELF} ?really|just|seriously|honestly|literally {INTENT} ~2 kill|hurt|harm|stab|shoot|strangle|choke|smother|beat|attack|punch|murder|poison|hit $OTHER_OBJ",
            "{SELF} ?really|just|seriously|honestly|literally {INTENT} ~2 kill|hurt|harm|stab|shoot|strangle|choke|smother|beat|attack|murder|poison|hit my|his|her|that|this|the ~1 $PERSON",
            "{SELF} {INTENT} ~2 kill|hurt|harm|stab|shoot|strangle|choke|smother|beat|attack|murder|poison =him|=her|=them|=someone|=everyone|=somebody",
            "{SELF} $BE ~2 =afraid|=scared|=worried =i =will|=might|=could|=would ~2 =hurt|=harm|=kill|=shake|=hit",
            "{SELF} =could =hurt|=kill|=harm|=strangle|=smother =my|=the|=him|=her|=them|=someone",
            "{SELF} =have =thoughts =of|=about =hurting|=killing|=harming =my|=the|=him|=her|=them|=someone|=people",
            "=thoughts =of|=about =hurting|=killing|=harming =my|=the|=him|=her|=them|=someone|=people|=others",
            "{SELF} ~2 =want =to =hurt|=kill =people|=everyone|=someone",
            "{SELF} =will =make =them|=him|=her =pay",
            "=shoot =up =the|=my =school|=work|=office|=place",
            "{SELF} ~2 =bring|=bringing =a|=my =gun|=knife =to =school|=work",
        ),
    ),
    Rule(
        "harm_others.threatened",
        "harm_others",
        "event",
        (
            "{OTHER} ~2 threaten|threatens|threatened|threatening ~2 to|me|us ~2 kill|hurt|harm|shoot|stab|beat",
            "{OTHER} ~2 =said|=says|=told =me ~2 =he|=she|=they ~1 =will|=would|=is|=going|=gonna ~2 =kill|=hurt =me|=us|=my|=the",
            "{OTHER} ~1 hit|hits|beat|beats|choked|chokes|strangled|punched|kicked|attacked|slapped|hurt =me|=us|=my",
            "{OTHER} =is|=keeps|=kept =hitting|=beating|=choking|=hurting|=attacking =me|=us|=my",
            "{OTHER} =has =a =gun|=knife =and",
            "{OTHER} ~2 =going =to =kill =me|=us ~1 =tonight|=now|=for =real",
            "{OTHER} =will =kill =me|=us",
            "=afraid|=scared =he|=she|=they =will|=is =going =to|=might =kill|=hurt =me|=us",
            "=i =do =not =feel =safe =at =home",
            "=not =safe =at =home",
        ),
    ),
    # ------------------------------------------------------------------------------------------------ overdose
    Rule(
        "overdose.took_too_much",
        "overdose",
        "event",
        (
            "{SUBJ} ~2 took|take|taken|swallowed|swallow|ate|popped|downed|chugged|eaten|had|did|snorted|injected|used ~2 too|way many|much",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten|snorted ~2 =a =lot|=bunch|=ton|=handful|=fistful|=fist ~2 =of",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten|snorted ~1 =a =handful|=bunch|=fistful|=lot|=ton",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten|emptied ~2 =the|=a|=his|=her|=my|=their =whole|=entire|=full ~1 =bottle|=pack|=packet|=script|=prescription|=box|=strip|=blister|=stash|=supply|=month",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten ~2 =all =of =his|=her|=my|=their|=the|=them",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten ~1 =all ~1 =my|=his|=her|=their|=the =pills|=klonopin|=kpins|=benzos|=meds|=bars|=tablets|=klonnies|=pins|=xanax|=valium",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten ~2 =double|=triple|=extra|=twice|=three|=another|=more ~3 =dose|=doses|=pills|=than|=klonopin|=kpins|=mine",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|chugged|eaten ~2 =more =than ~2 =prescribed|=supposed|=i|=he|=she|=should|=allowed",
            "{SUBJ} ~2 =accidentally|=accidently|=mistakenly ~1 took|taken|swallowed|ate|double|doubled|gave",
            "{SUBJ} ~2 =accidentally|=accidently ~3 =double|=twice|=extra|=too",
            "=accidentally|=accidently =took|=take|=doubled|=double",
            "{SUBJ} ~2 =overdosed|=overdosing",
            "{SUBJ} ~3 =think|=thinks|=might|=may|=probably|=maybe ~3 =overdosed|=overdosing|=overdose",
            "{SUBJ} ~1 $BE ~2 =overdosing",
            "{SUBJ} ~2 =had|=has|=having =an ~1 =overdose",
            "=i =overdosed",
            "=overdosed",
            "=overdosing",
            "{SUBJ} ~2 =od|=oded|=odd",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed|snorted ~1 # ~2 =pills|=of|=klonopin|=kpins|=benzos|=bars|=tablets|=tabs|=klonnies|=pins|=mg|=milligrams|=xanax|=valium|=them|=at|=in|=and|=plus|=with|=today|=tonight|=now|=instead",
            "{SUBJ} ~2 took|taken|swallowed|ate|popped|downed ~1 # $BENZO",
            "{SUBJ} ~1 =took|=popped|=swallowed|=ate|=downed #",
            "{SUBJ} ~2 =is|=are|=was|=were|=went ~1 =unresponsive|=unconscious|=unrousable",
            "=unresponsive",
            "{OTHER} ~2 [will not|would not|is not|was not|does not|did not] ~1 wake|=waking ~1 up",
            "{OTHER} ~2 [will not|would not|is not|was not|does not|did not] =respond|=responding|=move|=moving",
            "[can not|could not] wake|rouse ~1 him|her|them|my|up",
            "=can =not =wake =him|=her|=them|=my|=up",
            "=not =responding",
            "=won =t =wake|=respond",
            "=lips|=face|=skin|=fingers|=fingernails|=nails ~2 =are|=is|=turning|=turned|=look|=looks|=going|=gone =blue|=gray|=grey|=purple",
            "=passed =out =after|=from =taking|=the|=his|=her|=all|=my|=too",
            "{SUBJ} =found ~3 =empty =bottle|=pill|=pack",
            "=empty =pill =bottle|=bottles",
            "{SUBJ} ~2 =empty =bottle",
            "{SUBJ} ~1 took|swallowed|ate ~1 =a =bunch",
            "=tomé =demasiadas|=muchas =pastillas",
            "=sobredosis",
            "=me =tomé =todas|=muchas|=demasiadas",
            "=se =tomó =todas|=muchas|=demasiadas",
        ),
    ),
    # -------------------------------------------------------------------------------------------------- mixing
    # Mixing is also detected by co-occurrence in the guard (a benzo term + a depressant + an act that happened).
    Rule(
        "mixing.statement",
        "mixing",
        "event",
        (
            "{SUBJ} ~3 =mixed|=mixing|=combined|=combining|=mix ~4 $DEPRESSANT",
            "{SUBJ} ~3 =mixed|=mixing|=combined|=combining ~4 $BENZO",
            "{SUBJ} $BE ~1 =drunk|=wasted|=high|=hammered ~4 =and ~2 =took|=popped|=taking|=had|=on",
            "{SUBJ} ~3 =took|=popped|=had|=taken|=swallowed ~6 =on =top =of ~3 $DEPRESSANT",
            "{SUBJ} ~3 =drank|=drinking|=had ~6 =on =top =of ~3 $BENZO",
            "=on =top =of ~1 =the|=my|=his|=her|=a =few|=some|=a ~2 $DEPRESSANT",
            "{SUBJ} ~1 =have|=has =been =drinking ~6 $BENZO",
            "=while =drunk|=drinking|=wasted",
            "[after drinking|after a few|after some] ~3 took|popped|had|taken",
            "{SUBJ} ~2 =on =my|=his|=her|=their ~1 $BENZO ~2 =and ~2 =drank|=drinking|=had|=took",
        ),
    ),
    # --------------------------------------------------------------------------------------- medical emergency
    Rule(
        "medical.seizure",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 $BE ~2 =having|=had|=have ~2 =a|=another|=some =seizure|=seizures|=fit|=fits|=convulsions|=convulsion",
            "{SUBJ} ~2 =just|=think|=thinks|=might|=may|=probably ~2 =had|=have|=having ~2 =a|=another =seizure|=fit|=convulsion",
            "{SUBJ} ~2 =had|=has ~2 =a|=another =seizure|=fit|=convulsion ~3 =today|=tonight|=now|=just|=ago|=earlier|=morning|=again|=last",
            "{SUBJ} ~2 $BE ~1 seize|seizing|convulse|convulsing|fitting|twitching|jerking",
            "{SUBJ} ~2 =seized|=convulsed",
            "{SUBJ} ~2 =is|=are|=am =shaking|=jerking|=twitching =and ~2 =not|=won|=can|=will|=unresponsive|=foaming",
            "=foaming =at =the =mouth",
            "=eyes =rolled =back",
            "=seizing",
            "=seizure =right =now",
            "=having =a =seizure",
            "=had =a =seizure =just|=today|=tonight|=earlier",
            "=just =had =a =seizure|=fit",
            "=convulsing",
            "=convulsiones|=convulsión|=convulsion =ahora",
            "=está =convulsionando",
        ),
    ),
    Rule(
        "medical.breathing",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 can|could not ~2 breathe|breath|breathing",
            "{SUBJ} ~2 can|could not =catch|=get ~2 =breath|=breathe|=air",
            "{SUBJ} ~2 =is|=are|=am|=was|=were =not =breathing",
            "{SUBJ} ~2 $BE ~2 =barely|=hardly|=struggling|=gasping|=fighting|=choking|=wheezing ~1 =breathing|=to|=for|=breathe|=air|=breath",
            "{SUBJ} ~2 =stopped|=stops =breathing",
            "{SUBJ} ~2 =having|=have|=has|=had ~1 =trouble|=difficulty|=problems|=problem|=hard|=a =hard ~1 =time ~1 =breathing|=breathe",
            "{SUBJ} ~2 $BE =short =of =breath|=breathe",
            "=breathing =is|=seems|=sounds|=got =really|=very|=so ~1 =slow|=shallow|=weird|=strange|=funny|=labored|=raspy",
            "=breathing =really|=very|=super|=so =slow|=slowly|=shallow|=weird",
            "=slow|=shallow =breathing",
            "=struggling =to =breathe",
            "=trouble|=difficulty =breathing",
            "=hard =to =breathe",
            "=can =not =breathe",
            "=barely =breathing",
            "=not =breathing",
            "=gasping =for =air|=breath",
            "=no =puedo =respirar",
            "=no =respira",
        ),
    ),
    Rule(
        "medical.chest_heart",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 =have|=has|=having|=got|=getting ~3 =chest =pain|=pains|=pressure|=tightness",
            "=chest =pain|=pains|=pressure ~3 =now|=right|=bad|=really|=and|=spreading|=arm|=jaw|=can|=crushing",
            "=my|=his|=her =chest =hurts|=is =tight|=feels =tight|=feels =heavy|=is =crushing|=is =killing",
            "=my|=his|=her =chest =hurts",
            "=crushing =chest",
            "=heart =attack",
            "{SUBJ} ~2 =heart ~2 =is|=keeps =pounding|=racing|=skipping ~4 =chest|=pass|=faint|=dying|=die",
            "=dolor =de =pecho",
        ),
    ),
    Rule(
        "medical.mind",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 $BE ~2 =hallucinating|=seeing|=hearing ~3 =things|=people|=bugs|=voices|=stuff|=shadows",
            "{SUBJ} ~2 =hallucinating",
            "{SUBJ} ~2 =see|=sees|=saw|=hear|=hears|=heard ~3 =things|=people|=bugs|=voices|=stuff|=shadows ~3 =not =there|=that =are|=that =is|=nobody|=no =one",
            "=things =that =are =not =there",
            "=things =that =is =not =there",
            "=bugs =crawling",
            "=hearing =voices",
            "{SUBJ} ~2 =do|=does =not =know =where =i|=he|=she|=they =am|=is|=are",
            "{SUBJ} ~2 =do|=does =not =recognize|=recognise =me|=us|=anyone|=his|=her|=my",
            "{SUBJ} ~2 $BE ~2 =so|=really|=very|=totally|=completely|=extremely|=super ~1 =confused|=disoriented|=delirious",
            "{SUBJ} ~2 $BE =confused =and|=disoriented|=delirious",
            "=delirious",
            "=delirium =tremens =right|=now",
            "{SUBJ} ~2 =think|=thinks ~2 =having|=has|=have|=got ~1 =the =dts|=delirium",
            "{SUBJ} ~2 =has|=have|=having|=got =the =dts",
            "{SUBJ} ~2 $BE =talking =to =people =who =are =not|=nobody",
            "{SUBJ} ~2 =passed|=blacked =out",
            "{SUBJ} ~2 =fainted|=collapsed",
            "=passed =out =and",
            "=keep|=keeps =passing =out",
            "=lost =consciousness",
            "=veo =cosas",
        ),
    ),
    Rule(
        "medical.fever",
        "medical_emergency",
        "event",
        (
            "=fever =of|=is|=at|=like|=over|=around ~1 #",
            "=temperature =of|=is|=at|=like|=over|=around ~1 #",
            "=temp =of|=is|=at|=like|=over|=around ~1 #",
            "{SUBJ} ~2 =have|=has|=got|=running|=having ~2 =high|=really|=very|=huge|=crazy|=bad ~1 =fever|=temperature|=temp",
            "=burning =up =with =fever|=and",
            "=high =fever",
            "# =degree|=degrees =fever",
            "=fiebre =alta",
        ),
    ),
)


# ---------------------------------------------------------------------------------------------------------------
# Context: idioms, negation, framing
# ---------------------------------------------------------------------------------------------------------------
# Figurative uses that would otherwise match a rule; a rule match overlapping one of these is cleared.
IDIOMS: Tuple[str, ...] = (
    "=dying =to =know|=see|=try|=hear|=find|=get|=go|=meet|=ask|=learn|=watch|=read|=tell|=eat|=have|=understand",
    "=dying =for =a",
    "=dying =of =laughter|=boredom|=embarrassment|=curiosity|=thirst|=hunger|=cringe",
    "=die =of =laughter|=boredom|=embarrassment|=curiosity|=cringe",
    "=died =laughing",
    "=dead =tired",
    "=i|=we =am|=are =dead =tired",
    "=to =die =for",
    "=could =die =of|=laughing",
    "=killing =it",
    "=killed =it",
    "=kill =it",
    "=kill =time",
    "=killing =time",
    "=kill =the =lights|=vibe|=mood|=engine|=music|=game",
    "=killing =me =softly",
    "=is|=are|=was =killing =me",
    "=be =the =death =of =me",
    "=kill =me =if|=when|=for",
    "=going =to =kill =me =if|=when|=for|=lol|=haha|=lmao",
    "=gonna =kill =me =if|=when",
    "=will =kill =me =if|=when|=for",
    "=would =kill =me =if|=for",
    "=kills =me",
    "=overdose|=overdosed|=overdosing =on =coffee|=caffeine|=sugar|=netflix|=tv|=chocolate|=candy|=cake|=love|=memes|=content|=work",
    "=od|=overdose =on =coffee|=caffeine|=sugar",
    "=my =phone|=battery|=laptop|=car|=plant|=plants =died|=is =dying|=dying",
    "=phone =is =dying",
    "=battery =is =dying",
    "=killer =headache",
    "=killer =workout",
    "=dying =laugh",
    "=lmao =dead",
    "=i =am =dead =lol|=lmao|=haha|=😂",
    "=shoot =me =a =text|=message|=email|=line",
    "=shoot =a =text|=message|=email",
    "=i =could =kill =for =a",
    "=take =a =shot",
    "=shot =of =espresso",
    "=can =not =breathe =lol|=lmao|=haha",
    "=knock =me =out",
    "=blow =my =mind|=brains =out =laughing",
    "=cutting =back",
    "=cut =back",
    "=cut =down",
    "=cutting =down",
    "=cut =my =dose|=doses|=pill|=pills|=tablet",
    "=cutting =my =dose|=doses|=pill|=pills|=tablet",
    "=cut =it =in =half|=quarters",
    "=cut =the =pill|=pills|=tablet|=tablets",
    "=cut =myself =off =from",
    "=cutting =myself =off",
    "=burn =out",
    "=burned =out",
    "=burnt =out",
    "=burning =out",
    "=hurt =myself =at =the =gym",
    "=hurt =my =back|=knee|=ankle|=shoulder|=neck|=wrist",
    "=ended =up",
    "=end =up",
    "=the =end =of",
    "=end =of =the",
    "=for =the =life =of =me",
)

NEGATORS = frozenset({"not", "never", "no", "nothing", "nobody", "none", "nor", "n't", "without", "neither"})
# After a negator these make the clause uncertain rather than negative ("I'm not sure I want to live").
UNCERTAINTY_AFTER_NEGATOR = frozenset({"sure", "know", "certain", "convinced", "able", "think"})
# Negated wishes are not risks ("I don't want to die"), but a negation that is itself the risk is kept by the
# rule's own pattern ("I don't want to live").
NEGATION_WINDOW = 4

# Framing that turns an event into a hypothetical or a question about possibility.
HYPOTHETICAL_MARKERS = frozenset({"if", "suppose", "supposing", "hypothetically", "whether", "case", "incase", "lets", "let's"})
POSSIBILITY_AUXILIARIES = frozenset(
    {"can", "could", "will", "would", "might", "may", "should", "does", "do", "is", "are", "did", "has", "have"}
)
QUESTION_WORDS = frozenset({"what", "how", "why", "when", "where", "which", "who", "whats", "hows", "is", "are", "can", "could", "does", "do", "will", "would", "should", "may", "might"})

# A clearly distant past clears event rules ("I had a seizure years ago, can it happen again?").
DISTANT_PAST_PATTERNS: Tuple[str, ...] = (
    "=years|=year|=months|=decade|=decades =ago",
    "=last|=a|=one =year|=summer|=winter|=spring|=fall|=decade",
    "=in =high =school|=college|=the =past",
    "=when =i =was =younger|=a =kid|=a =teen|=a =teenager|=in",
    "=back =in|=then",
    "=used =to",
    "=a =long =time =ago",
    "=long =ago",
    "=in =# ",
    "=previous =taper|=withdrawal|=attempt",
    "=my =last =taper|=withdrawal|=detox",
    "=during =my =last|=previous|=first",
    "=first =taper|=detox|=withdrawal",
    "=years =clean|=sober",
    "=now =i =am =fine|=ok|=okay|=better|=clean|=sober|=recovered",
    "=i =am =fine =now",
    "=i =am =okay|=ok =now",
    "=recovered",
)
# …but not when the message says it is happening again now.
RECENT_MARKERS = frozenset(
    {"now", "tonight", "today", "just", "currently", "still", "minutes", "hour", "hours", "morning", "yesterday", "earlier", "right"}
)

# Terms that make a message "alarming" even when no rule fires (used for the HINT level).
ALARM_WORDS = frozenset(
    "die dying dead death kill killing suicide suicidal overdose overdosed seizure seizing seizures convulsion "
    "breathe breathing breath hallucinate hallucinating hurt harm cut cutting bleed blood gun rope pills lethal "
    "fatal unresponsive unconscious faint fainted collapse collapsed chest fever hopeless worthless end ending "
    "alive live living gone goodbye bridge jump poison".split()
)
PERSONAL_WORDS = frozenset("i me my myself we us our".split())
