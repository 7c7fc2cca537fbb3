"""The safety lexicon: the words and phrase patterns that mark risk, idioms, negation and framing.

Patterns use a small notation compiled to spaCy Matcher token patterns (see `bot.safety.patterns`):
  word           a token whose base form (lookup lemma) equals the word's: "kill" ≈ kills/killing/killed
  =word          the exact lowercase token, for words whose tense matters ("=took" is not "take")
  a|b|c          any of the alternatives (single tokens)
  [a b|c d]      a phrase group: either "a b" or "c d"
  ?x             an optional token;  ~N  up to N arbitrary tokens;  #  a number ("6", "ten")
  $SET           any word of a word set below;  {MACRO}  several alternative fragments (subjects, intentions …)
Text is normalized first (bot.safety.normalize): lowercase, no accents, "can't" → "can not", "gonna" → "going to",
typos repaired toward this vocabulary (bot.safety.spelling).

Each rule has a kind that says which context may clear it:
  ideation — thoughts, wishes, plans, means: cleared by negation, an idiom or a resolved past ("years ago")
  event    — something happening or that happened: also cleared by hypothetical framing ("if …") and by a
             question about people in general ("can you have a seizure from …")
  method   — asking for a lethal amount or a way to die or hurt: cleared only by negation
A rule may require a word set somewhere in the message (`requires`), a number in a range inside the match
(`numbers`), or be `weak`: weak evidence decides the category only when no other category has strong evidence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

# ---------------------------------------------------------------------------------------------------------------
# Word sets
# ---------------------------------------------------------------------------------------------------------------
WORD_SETS: Dict[str, List[str]] = {
    "PERSON": (
        "mom dad mama papa parent parents brother sister son daughter husband wife partner boyfriend girlfriend "
        "friend roommate flatmate housemate kid kids child children baby toddler grandma grandpa grandmother "
        "grandfather nana aunt uncle cousin fiance fiancee spouse buddy mate coworker colleague neighbor neighbour "
        "teen teenager bro sis niece nephew stepdad stepmom stepson stepdaughter ex patient client guy girl man "
        "woman family landlord boss roomie bff hubby wifey mother father hermano hermana hijo hija mama papa "
        "esposo esposa novio novia amigo amiga abuela abuelo"
    ).split(),
    "BENZO": (
        "klonopin clonazepam klonipin klonapin klonopine clonopin klonopins clonazapam clonazepan clonazapem "
        "klonazepam clonazepams kpin kpins k-pin k-pins klonnie klonnies klons klon pins pin benzo benzos "
        "benzodiazepine benzodiazepines xanax xannies xans bars bar alprazolam valium diazepam ativan lorazepam "
        "rivotril pill pills pils tablet tablets tab tabs meds med medication medications dose doses "
        "script prescription bottle pastillas pastilla empastillo empastillado empastillada"
    ).split(),
    "DEPRESSANT": (
        "alcohol drink drinks drank drinking drunk beer beers wine vodka whiskey whisky rum gin tequila liquor "
        "booze shots hennessy henny jack jameson bourbon brandy cocktail cocktails seltzer seltzers margarita "
        "margaritas oxy oxys oxycodone oxycontin percocet percocets perc percs hydrocodone vicodin norco opioid "
        "opioids opiate opiates heroin dope fentanyl fent morphine codeine lean sizzurp cupped cup methadone "
        "tramadol dilaudid suboxone kratom gabapentin ghb ambien zolpidem soma cerveza vino licor"
    ).split(),
    "BE": "am is are was were be being been".split(),
    # Acts of getting a substance into someone else (the covert-drugging rule needs one).
    "COVERT_ACT": (
        "give gave giving put putting slip slipped slipping crush crushed crushing mix mixed mixing dissolve "
        "dissolved dissolving sneak sneaked snuck sneaking spike spiked spiking drug drugged drugging dose dosed "
        "dosing food drink coffee tea juice meal dinner soup smoothie water bottle milk formula"
    ).split(),
    "SELF_OBJ": "myself =me".split(),
    "OTHER_OBJ": "him her them someone somebody people everyone everybody".split(),
    # Subjects that mean "people in general": questions about them are requests for information.
    "GENERIC": "you someone somebody anyone anybody people person one member character patients users".split(),
}

# ---------------------------------------------------------------------------------------------------------------
# Macros: each expands into alternative pattern fragments
# ---------------------------------------------------------------------------------------------------------------
MACROS: Dict[str, List[str]] = {
    "SELF": ["i", "we"],
    # A specific other person. "you"/"people" are absent on purpose (see GENERIC).
    "OTHER": [
        "he|she|they",
        "someone|somebody",
        "my|our|his|her ?best|little|big|older|younger|baby|step|twin|teenage|teen|3 $PERSON",
        "my|our|his|her ?best|little|big|older|younger|baby|step $PERSON ?- in ?- law",
        "a|the|this|some guy|girl|man|woman|kid|person",
        "mi|su $PERSON",
    ],
    "SUBJ": ["{SELF}", "{OTHER}"],
    # Past-tense intake, exact forms so "I'm taking all my pills tonight" (a plan) is not read as an overdose.
    "TOOK": ["=took|=taken|=tok|=tuk|=swallowed|=swalloed|=ate|=eaten|=popped|=downed|=chugged|=snorted|=railed|=dumped|=emptied|=injected|=shot|=did|=chewed|=crushed"],
    # Intentions and wishes between a subject and an act.
    "INTENT": [
        "want|wish|need|plan|mean|intend|decide|try|prepare|deserve ?to",
        "=wanted|=want|=wanna =to",
        "$BE ?just ?really ?so going|about|ready|planning|trying|tempted|fixing|preparing to",
        "will|shall ?just",
        "might|may|could|should ?just ?really ?go",
        "keep|kept ?on thinking|think about|of",
        "$BE ?seriously|really|constantly|always|literally|honestly thinking|considering ?about|of",
        "think|thought|thinking about|of",
        "=feel|=felt|=feeling =like",
        "$BE ?so close to",
        "can|could not stop thinking about|of",
        "=have|=got =to",
        "would ?just rather",
        "would ?just like to",
        "=finna|=gotta",
    ],
    "KILL_SELF": [
        "kill|off|end|unalive|murder|hang|shoot|drown|poison|suffocate|stab $SELF_OBJ",
        "end|take|finish my ?own life|lives",
        "end it|everything|things|this ?all",
        "end it =all",
        "commit suicide",
        "slit|cut my wrists|wrist|throat",
        "jump off|from ~3 bridge|roof|building|cliff|balcony|overpass|ledge",
        "jump|step|walk in front of ~2 train|car|truck|bus",
        "drive ~2 off ~2 road|cliff|bridge",
        "overdose ?on ~3 purpose",
        "overdose",
        "die",
        "be dead",
        "[not wake up|never wake up|not wake|never wake]",
        "sleep|rest forever",
        "[sleep|go to sleep|rest] ~2 [for good|forever|permanently]",
        "[go to sleep and not|go to sleep and never|sleep and not|sleep and never] wake ?up",
        "disappear|vanish forever|permanently",
        "[disappear for good|vanish for good]",
        "stop existing|living|breathing",
        "yeet $SELF_OBJ",
        "ctb",
        "[catch the bus]",
        "rope",
    ],
}


@dataclass(frozen=True)
class Rule:
    """A named group of patterns for one risk category and one kind of evidence."""

    name: str
    category: str
    kind: str  # "ideation" | "event" | "method"
    patterns: Tuple[str, ...]
    weak: bool = False
    requires: Optional[str] = None  # a WORD_SETS name that must occur somewhere in the message
    requires_phrases: Tuple[str, ...] = ()  # each must occur somewhere in the (normalised) message
    numbers: Optional[Tuple[float, float]] = None  # a number inside the match must fall in this range


RULES: Tuple[Rule, ...] = (
    # ============================================================================================ suicide
    Rule(
        "suicide.intent",
        "suicide",
        "ideation",
        (
            "{SELF} ?really|just|honestly|seriously|literally|kinda|sometimes|still|often|lowkey|fr {INTENT} ?just ~1 {KILL_SELF}",
            "{SELF} {INTENT} ~2 {KILL_SELF}",
            "{SELF} ?really|just|literally|honestly|seriously|so want|wish|wanna|wnat ?to die|=dead|=dye",
            "=want|=wanna|=wish ?to =die|=dye ?so|fr|rn|tonight|tbh|already|bad",
            "{SELF} wish|hope ~2 [was dead|were dead|was never born|were never born|never existed|had never been born]",
            "{SELF} wish|hope|pray ~3 [not wake up|never wake up|do not wake up|will not wake up|would not wake up]",
            "[pray|praying|prayed|hope|hoping|wish|wishing] ~2 [i die|to die|you die|i would die|i do not wake up|you do not wake up|i never wake up] ~2 [in my sleep|in your sleep|tonight|soon]",
            # Praying for a fatal event (added from the regression half of evaluation round 4).
            "pray|hope|wish ~1 for [an aneurysm|a stroke|a heart attack|death|the end|a bus to hit me|a car to hit me|something to kill me]",
            "=i|=we $BE ?so ?fucking ?really|literally|seriously|actively|passively|kind|sort|getting|feeling ?of suicidal",
            "feel|felt|feeling ?so|really|very|kind|sort|pretty|super ?of suicidal",
            "{SELF} ~3 suicidal =thoughts|=thinking|=ideation|=urges|=feelings|=again",
            "[having|had|have|get|getting|got|with|my|constant|daily|intrusive|more|the] ~1 [thoughts of|thought of|thoughts about|urges to|fantasies about|fantasizing about] [suicide|killing myself|ending my life|taking my life|ending it all|unaliving myself|kms]",
            "[thoughts of|thought of|idea of|the idea of] [suicide|killing myself|ending my life|ending it all] ~3 [keeps|keep|popping|pops|coming|comes|creeping|creeps|crossed|crosses|in my head|on my mind|will not leave|every day|every night|all the time|again]",
            "[contemplating|considering|contemplated|considered|pondering|mulling over|weighing] ~1 [suicide|ending it|ending it all|ending my life|killing myself|taking my life|ending things]",
            # Passive wishes (C-SSRS item 1): preferring death to the present.
            "{SELF} ~1 would ?just rather [be dead|not exist|not be alive|not be here|not wake up|never wake up]",  # "rather die than sit through that meeting" is hyperbole
            "{SELF} ~1 [would welcome|would gladly welcome|am ready to welcome|would not mind] ~1 [death|dying|the end|not waking up]",
            "suicidal =again|=tonight|=today|=lately|=af|=rn",
            "[thinking about|thinking of|think about|thought about|thinkin about|thinking bout] ~1 [suicide|ending it|ending things|ending everything|ending my life|killing myself|the rope|dying|not waking up|jumping|taking my life|my death]",
            "{SELF} $BE ?so ?really done|finished with [life|living|everything|it all|existing|this life|being alive]",
            "[tired|sick] of [existing|living|being alive|life|breathing|being here|being me]",
            "{SELF} [do not|do n't|dont] ~1 want to [live|exist|be alive|be here|wake up|go on|keep going|keep living]",
            "want to [be alive|live|be here|exist|keep living|stay alive|wake up] ~1 anymore",
            "{SELF} [do not|can not|can no longer|no longer] see ~1 [the point|a point|a reason|any reason|any point|point|reason] ~4 [living|life|going on|keep going|keep living|being here|anymore|to live|to go on]",
            "[no reason|no point|nothing] ~1 [to live|to keep going|to go on|in living|to stay|to live for|left to live for]",
            "{SELF} [can not|could not] [go on|do this anymore|take it anymore|keep going|keep living|live like this|do this much longer|take this anymore|take much more]",
            "=better =off =dead",
            "=better =off without =me|=us",
            "[everyone|everybody|world|family|kids|they|he|she|people|my family|my kids|my wife|my husband] ~3 [better off|happier|relieved|fine|okay|ok] ~2 [without me|if i was not|if i were not|if i was gone|if i were gone|if i died|if i was dead|when i am gone|if i was not around|if i was not here|if i just was not]",
            "[better off|happier|relieved] ~2 if i [was not|were not|was never|did not exist|disappeared|died|was gone|were gone|was dead]",
            "[no one|nobody|nobody would|no one would] ~2 [miss|notice|care] ~3 [if|when] i ~3 [gone|died|die|dead|disappear|disappeared|not here|was not here|was gone]",
            "{SELF} [will not|would not] be [here|around|alive] ~3 [much longer|long|tomorrow|next week|by|soon|anymore|for long]",
            "{SELF} [will not|would not] be [here|around|alive] to [finish|see|find out|deal with|worry about|need]",
            "[move on|get over it|forget me|be fine|be okay|be better] ~3 if {SELF} [was not|were not|was no longer|were no longer] [around|here|alive]",
            "[would not|do not|would honestly not|really would not] ~1 [mind|care] ~1 if [a bus|a car|a truck|a train|something|someone|lightning] ~2 [hit|hits|killed|kills|took]",
            # Welcoming a fatal accident ("it'd be fine if a truck came across the line").
            "[be fine|be okay|be ok|be a relief|be nice|not be so bad|not be the worst] ~1 if [a bus|a car|a truck|a semi|a train|someone] ~3 [hit|hits|came across|crossed|swerved|crashed|killed|took me out|ran me]",
            # Not minding one's own end ("i'd be fine if i just stopped existing", "don't see much reason to stick around").
            "[be fine|be okay|be ok|be relieved|be happy|not mind|not care] ~1 if {SELF} ~1 [stopped existing|stop existing|ceased to exist|ceased existing|did not exist|died|was dead|were dead|did not wake up|never woke up]",
            "[do not|can not|no longer] see ~1 [much|any|a|the|no] ~1 [reason|point] ~2 [to stick around|in sticking around|to stay around|to be around|to keep living|to stay alive|to wake up]",
            "[wish|pray|hope|praying|wishing|hoping] ~2 god ~1 [would take me|would just take me|takes me|took me|would come for me]",
            "[would not be upset|would not mind|would not care|would be fine|would be okay|would be relieved] ~1 if {SELF} [did not make it|do not make it|never made it] ~2 [through the night|thru the night|til morning|till morning|to morning|through tonight|to tomorrow]",
            "[would be nice|would be so nice|be nice|be a relief|wish i could|want to|wanna] ~2 [fall asleep forever|sleep forever|never wake up again]",
            "[took|take|taking|use|using|swallow|swallowed|mix|mixing] ~8 [to just|and just|so i just|so i can just] [not wake up|never wake up|never woke up|not wake|never wake]",
            "[ojala|quisiera que|ruego que|rezo para que] ~1 dios ~2 [me recogiera|me llevara|me recoja|me lleve|me llamara]",
            "[le pido a dios|le ruego a dios|pidiendole a dios|rezandole a dios] ~1 que ~1 [me recogiera|me llevara|me recoja|me lleve|me llamara]",
            "[see you|see ya|see yall|meet you] on the other side",
            "{SELF} ~2 [no longer|do not|don't|dont] [wish|want|care] to be here",
            "pray|hope|wish ~2 [not to see the morning|not to see another day|not to see tomorrow|not to wake|to not wake|to not see the morning]",
            "[that is it for me|thats it for me|that will be it for me|i am done for good]",
            "[it was goodbye|it is goodbye|this is goodbye|saying goodbye for good|my goodbye]",
            "{SELF} [will not|would not] be [around|here] for [another|the next|much|more]",
            "{SELF} [do not think|do not expect|doubt] {SELF} [will|will be|would|would be|am going to be] ~1 [here|around|alive|wake up|make it] ~3 [morning|tomorrow|by|much longer|anymore|next week]",
            "[when|after|once] {SELF} $BE gone",
            "{SELF} [do not|can not] see myself [making it|surviving|being here|living|being alive|alive] ~3",
            "{SELF} [am not going to|will not|wo not] make it ~1 [to|through|past] ~2 [tomorrow|next week|the night|the weekend|monday|friday|saturday|sunday]",
            "[this is|it is|tonight is|today is] my last [night|day|message|goodbye|time|text]",
            "{SELF} ~2 [said|say|saying] my goodbyes",
            "[see you|see ya|see yall|see y all|see you all] never",
            "[goodbye|bye] [forever|everyone|world|cruel world]",
            "{SELF} ~2 made ~1 peace with ~2 [it|dying|death|leaving|my decision|going]",
            "=i =am =a =burden",
            "[hope|hoping|pray|praying|wish|wishing] ~1 you ~1 [do not|never|will not|would not] wake up",
            "[hope|hoping|pray|praying|wish|wishing] ~4 [i will not see the morning|i do not see the morning|i will not wake up|i do not wake up|i never wake up|i just do not wake up|i just never wake up|i just will not wake up|i will not see tomorrow|i do not see tomorrow]",
            "{SELF} $BE ~2 [a weight on|a drain on|dead weight for|dead weight to] ~1 [everyone|everybody|my family|them|my husband|my wife|my kids|my partner|my parents]",
            "[no way out|trapped either way|trapped no matter what|there is no way out|no way out of this|no escape from this]",
            "{SELF} $BE ~2 burden to|on everyone|everybody|my|them|you",
            "{SELF} =just =want =it =all|=everything =to =end|=stop",
            "{SELF} want|need the|this pain ~2 to stop|end ~1 forever|permanently|for good",
            "{SELF} want ~1 it ~2 to [stop|end] ~1 [forever|permanently|for good]",
            "{SELF} $BE ~1 ready to [go|die|end it]",
            "{SELF} =want =out =of =life",
            "{SELF} =want =to =be =gone",
            "{SELF} $BE ~2 =better =off =gone",
            "=life =is =not =worth =living",
            "=not =worth =living",
            "=my =life =is =over",
            "[go be with|join|be with] ~2 [grandma|grandpa|mom|dad|nana|brother|sister|him|her|them|jesus|god] ~3 [tonight|soon|in heaven|forever|today]",
            "[end it|end things|end everything|end my life|be gone|be done] ~1 [for good|forever|permanently|tonight|soon|this weekend]",
            "{SELF} [end|ending|ended] [it|things|everything|my life] ~2 [for good|forever|permanently|tonight]",
            # Recklessness that accepts dying (a warning sign): "mixing whatever I can find and driving. if I crash I crash".
            "[if something happens it happens|if anything happens it happens|if i crash i crash|if i die i die|if i do not wake up i do not wake up|if i do not wake up so be it|if i die so be it|if it kills me so be it|if it kills me it kills me|if i crash so be it]",
            # A warning sign played down by the person it is about: "he says he's fine but won't look at me".
            "[says|said|keeps saying|insists|swears|claims] ~1 [he is|she is|they are|hes|shes|theyre] [fine|ok|okay|alright|good] but ~2 [will not look at me|wont look at me|avoids my eyes|will not meet my eyes|will not talk to me|wont talk to me|stopped talking|gave away|is giving away|said goodbye|keeps saying goodbye|will not eat|wont eat|locked himself|locked herself]",
            # Asking for leave to die, others glad one is gone, a sleep that would be the end.
            "[say it is ok to go|tell me it is ok to go|say it is okay to go|tell me it is okay to go|say its ok to go|tell me its ok to go|say its okay to go|permission to go|permission to die|ok to let go|okay to let go]",
            "[throw a party|celebrate|be relieved|be happier|not even notice|even notice|even care] ~2 [if i disappeared|if i was gone|if i were gone|if i died|if i was dead|when i am gone|if i vanished]",
            "[went to sleep|go to sleep|fell asleep|fall asleep|closed my eyes] ~3 [and that was it|and that is it]",
            "[pills|pill|benzos|meds|klonopin|clonazepam|kpins|overdose|dose|strongest] ~6 [for ending things|for ending it all|for ending my life]",
            "[nobody would miss me|no one would miss me|nobody will miss me|no one will miss me|nobody would even miss me|no one would even miss me]",
            "[point of surviving|point in surviving|point to surviving|reason to survive|why survive|why even survive|why bother surviving]",
            "[would rather|id rather|i would rather] ~1 [just go|die|be dead|not be here|not wake up|be gone|not exist] than",
            "[want|wanna|wanting|wish] to [disappear|vanish] [permanently|forever|for good]",
            # Emoji read as words (bot.safety.normalize): a weapon or a grave with an ending.
            "[gun|rope|noose] [done|bye|goodbye]",
        ),
    ),
    Rule(
        "suicide.vague_intent",
        "suicide",
        "ideation",
        (
            "=unalive|=unaliving|=unalived",
            "{SELF} ~2 [going to do it|do it tonight|doing it tonight|do it today|do it this weekend]",
            "{SELF} $BE ~1 [done|finished] ~1 [tonight|for good|now]",
        ),
        weak=True,
    ),
    Rule(
        "suicide.plan",
        "suicide",
        "ideation",
        (
            "{SELF} $BE ~1 [taking|going to take|about to take|swallowing|going to swallow] ~3 [all my|all of my|the whole|my whole|everything|all the|all of the|the rest of my|all of them] ~2",
            "{SELF} ~3 [save|saving|saved|stockpile|stockpiling|stockpiled|hoard|hoarding|hoarded|collect|collecting|collected|stash|stashing|stashed|hide|hiding|hid] ~4 $BENZO",
            # Keeping pills back, not "should I keep taking my clonazepam".
            "{SELF} ~3 [keep|keeping|kept] [extra|spare|a stash of|a bunch of|some extra|a few extra|back] ~2 $BENZO",
            "{SELF} ~3 [keep|keeping|kept] ~3 $BENZO ~2 [hidden|aside|saved|stashed|just in case|for later|for a bad day|somewhere]",
            "{SELF} $BE ~1 [taking|going to take|about to take|swallowing|going to swallow] ~3 [all my|all of my|the whole|my whole|everything|all the|all of the|the rest of my|all of them] ~2",
            "{SELF} ~3 [save|saving|saved|stockpile|stockpiling|stockpiled|hoard|hoarding|hoarded|stash|stashing|stashed|hiding] ~3 [them|up|enough]",
            "[have|got|there are] ~1 enough ~2 $BENZO ~2 [saved|stashed|to|now|for|when]",
            "[been saving|been stockpiling|been hoarding|been stashing|been collecting|started saving|started stockpiling|started hoarding] ~3 $BENZO",
            "[going to take|gonna take|about to take|planning to take|plan to take] ~2 [everything in|all the pills|all my pills|the whole bottle|all of them|everything i have|every pill]",
            "enough ~2 $BENZO ~2 [saved|stashed|to do it|to end|to die|for when]",
            "$BENZO ~2 [counted out|lined up|ready|all ready] ~3",
            "{SELF} ~3 [wrote|write|written|writing|left|leave] ~3 [note|notes|letter|letters|goodbyes|goodbye]",
            "suicide =note|=notes|=letter|=plan",
            "goodbye =note|=notes|=letter|=letters|=texts|=messages",
            "{SELF} ~2 [giving away|gave away|give away] ~3 [my stuff|my things|my belongings|my cat|my dog|my pets]",
            "{SELF} ~3 [=gave|=giving|=give|=given|=rehomed|=rehoming] ~3 [my cat to|my dog to|my pets to|my dog away|my cat away|my stuff|my things|my belongings|my clothes away|my books away|my guitar away|my collection away]",
            "{SELF} ~3 [after i am gone|when i am gone|once i am gone]",
            "[suicide exclusion|suicide clause|suicide provision]",
            "[second pharmacy|another pharmacy|different pharmacy|two pharmacies|other pharmacy] ~6 [nobody notices|no one notices|nobody knows|no one knows|without anyone|so nobody|so no one]",
            # Putting affairs in order for someone else to find.
            "[=showed me|=told me|=showing me|=telling me|=shows me|=tells me] where ~4 [life insurance|his will|her will|their will|the will|my will|insurance papers|the deed|passwords|bank accounts|the funeral]",
            "{OTHER} ~2 [gave away|giving away|given away|gives away|give away] ~3 [his|her|their] ~1 [dog|cat|pets|stuff|things|belongings|tools|guns|gun|collection|guitar|records]",
            "[giving|gave|given|gives|give] [his|her|their] ~2 [dog|cat|pets|stuff|things|belongings|tools|guns|gun|collection|guitar|records|watches|jewelry|books|clothes] away",
            "[make it look like an accident|look like an accident|make it look accidental|look accidental|make it look like an accidental]",
            # Someone else researching a method, or asking how many it would take.
            "[found|saw|seen|noticed|checked] ~6 [suicide|how to die|ways to die|lethal dose|painless way|how to overdose|overdose amount|overdose amounts] ~3 [searches|search|searched|history|tabs|googled|websites|sites|videos]",
            "[search history|browser history|searches for|searched for|googled|googling|looked up|looking up] ~4 [suicide method|suicide methods|how to die|ways to die|lethal dose|painless ways|how to kill himself|how to kill herself|how many pills]",
            "[keeps asking|kept asking|asked me|asking me|keeps asking me|asks me|asking] ~3 how many ~4 [it would take|would it take|would take|it takes|to die|is lethal|would kill|to not wake up]",
            "{SELF} ~2 [bought|buy|got|have|found|tied] ~2 [a rope|the rope|a noose|a gun|the gun]",
            "[=bought|=buying|=ordered|=got] [a rope|rope|some rope|a noose] ~1 [today|tonight|yesterday|earlier|just in case|for later|finally|already]",
            # Researching a place to jump from.
            "[=looked|=looking|=look|=searched|=searching|=googled|=googling|=checked|=checking|=researched|=researching] ~2 [up|for|into|out] ~4 [highest|tallest] ~2 [bridge|bridges|building|buildings|parking garage|parking structure|overpass|cliff|cliffs|roof|rooftop|tower]",
            "[=looked|=searched|=googled|=researched|=checked] ~4 [which|what] ~2 [bridge|building|parking garage|overpass|cliff|roof] ~6 [highest|tallest|high enough|tall enough]",
            "=noose",
            "{SELF} ~2 [know|knows] ~1 where ~4 [keeps|keep|hides|hide] ~2 [gun|guns|pistol|rifle|pills|ammo]",
            "{SELF} ~1 [have|got|made] ~1 a plan",
            "{SELF} ~2 [picked|set|chose|chosen] ~1 [a|the] date",
            "[picked|set|chose] the date",
            "{SELF} $BE ~2 [on the roof|on the bridge|on the ledge|on the edge|at the bridge|on the tracks]",
        ),
    ),
    Rule(
        "suicide.method",
        "suicide",
        "method",
        (
            "how many|much ~6 [to die|to kill me|to kill myself|to not wake|to never wake|to overdose|to end it|to od|to be fatal|to be lethal|would be fatal|would be lethal|would kill me|will kill me|is lethal|is fatal|until i die|till i die|to make sure|for it to work|before i die|to stop my heart|to stop breathing|to kill a person]",
            "how many|much ~6 [is|are|would be|would it take|does it take|do i need] ~3 [lethal|fatal|deadly|enough to|too many to|an overdose]",
            "how many|much more ~3 [do i need|would i need|should i take|to]",
            "[cuantos|cuantas|cuanto|cuanta] ~5 [para no despertar|ya no despiertas|ya no despiertes|no despiertas|para morir|para matarme|para matar a|para suicidarme|es letal|es mortal|seria letal|seria mortal|dosis letal|dosis mortal|son una sobredosis|es una sobredosis|serian una sobredosis|causan una sobredosis|para una sobredosis|para sobredosis]",
            "=lethal|=fatal|=deadly =dose|=doses|=amount|=quantity|=number|=level",
            "[which|what] [vein|veins|artery|arteries] ~4 [cut|slice|slit|to cut|to slice|to slit]",
            "[cut|slit|slice|cutting|slitting] ~2 [wrist|wrists|throat|vein|veins|artery] ~4 [deep enough|how deep|how long does it take|to bleed out|bleed out]",
            "[overdose|od|die|go|end it] without [throwing up|vomiting|puking|pain|it hurting|feeling it|anyone knowing]",
            "[what dose|which dose|what amount|at what point|at what dose] ~6 [deadly|lethal|fatal|not waking up|never waking up]",
            "how many ~8 [not waking up|never waking up|not wake up|do not wake up|never wake up]",
            "[which|what] ~6 [combo|combination|mix|mixture] ~6 [do not wake up|not wake up|never wake up|not waking up|kills you|is fatal|is lethal|is deadly]",
            "[which is quicker|which is faster|which is less painful|which is more painful|what is quicker|what is faster|what is less painful|what is more painful|what is the least painful|what is quickest|quickest way|fastest way|least painful way|most painless way] ~4 [pills|jumping|hanging|cutting|overdose|gun|rope|bridge|train|die|dying|to go|to end it]",
            "[what dose|which dose|what amount|at what point] ~6 [stop breathing|stops breathing|stop your breathing|kill you|kills you|kill a person|is fatal|is lethal]",
            "[from the house|in the house|around the house|in my house|at home|household|from home] ~6 [deadly|lethal|fatal|kill you|kills you|kill me]",
            "what ~4 amount|dose|number ~3 [kill|kills|die|lethal|fatal]",
            "enough ~3 [to kill|to die|to not wake|to never wake|to end it|to end me|to overdose|to od]",
            "[best|easiest|quickest|quicker|fastest|faster|surest|painless|least painful|most painless] ~2 way ~2 to [die|go|end it|kill myself|overdose|end my life]",
            "[quicker|faster|easier|better] to die from",
            "which ~4 [quicker|faster|easier] ~2 die",
            "[painless|easy|peaceful] [way|ways|death|method|methods] ~2 [to die|to go|out]",
            "how to [die|kill myself|overdose|not wake up|end my life|end it] ~2",
            "how [do|can|would|could|should] i [overdose|die|kill myself|end it]",
            "how high ~5 [fatal|to die|kill|death|definitely]",
            "[fall|jump] ~4 [fatal|kill me|die|definitely]",
            "overdose ~3 [on purpose|intentionally]",
            "would ~4 kill me ~2 [if i took|if i take|if i swallowed|if i drank]",
            "[kill you|kill me|kill someone|be fatal|be lethal] if ~2 [take|took|swallow|swallowed] enough",
            "die if ~2 [=took|=take|=swallowed|=swallow] ~2 [all|the whole|everything|a whole|every]",
            "[so i|so that i] [do not|will not|never] wake up",
            # Pharmacology shorthand for the lethal dose (added from the regression half of evaluation round 2).
            "=ld50|=ld50s",
            "=ld #",
            # Spanish: how much is lethal ("qué cantidad de rivotril con alcohol es mortal").
            "[que cantidad|cuanto|cuanta|cuantas|cuantos] ~6 [es mortal|son mortales|es letal|son letales|para morir|me mata|me matan|para matarme|para no despertar]",
            # "¿qué cantidad de rivotril con alcohol hace que alguien ya no despierte?" (regression half of round 14).
            "[que cantidad|cuanto|cuanta|cuantas|cuantos] ~12 [ya no despierte|ya no despierta|ya no despiertes|no vuelva a despertar|no vuelve a despertar|nunca despierte]",
            "[cuanto tarda|cuanto tardaria|cuanto se tarda|tarda mucho|tardaria mucho] ~2 en [morir|morirse|morirme|morir alguien]",
            # "with how many does a person die": the count is of pills.
            "con [cuantos|cuantas] ~4 [se muere|te mueres|se moriria|te moririas|muere una persona|muere alguien]",
            "[what|which] ~6 [most likely|more likely|most|best|quickest] ~2 to [actually be deadly|be deadly|be fatal|be lethal|kill you|kill me]",
        ),
    ),
    # "what about like 60 of them at once": a large number taken at once is a lethality question whoever asks it.
    Rule(
        "suicide.method_amount",
        "suicide",
        "method",
        (
            "[what about|how about|what if i took|what if i take|what if i swallowed|if i took|if i take|if i swallowed|would] ~2 # ~3 [at once|at one time|all at once|in one go|at the same time]",
            # "is it fatal to take 30 klonopin with alcohol", "would 40 of my pins kill me".
            "[is it fatal|is it lethal|is it deadly|would it be fatal|would it be lethal|would it kill me|would that kill me|could that kill me|will that kill me|can you die|could you die|would i die|will i die|could i die|can i die|do you die] ~4 # ~2 [pills|tablets|klonopin|klonopins|clonazepam|kpins|pins|of them|of my|benzos|bars|xanax|valium|ativan]",
            "would ~2 # ~4 [pills|tablets|klonopin|klonopins|clonazepam|kpins|pins|of them|of my|benzos|bars] ~4 [kill me|be fatal|be lethal|be deadly|be enough|do it|do the job|do the trick]",
            # "es mortal tomar 30 clonazepam con alcohol?", "30 rivotril me matarían?"
            "[es mortal|es letal|seria mortal|seria letal|me mataria|te mataria|me matarian|te matarian|puedo morir|puedes morir|se puede morir|moriria|me moriria] ~4 # ~2 [pastillas|pastilla|clonazepam|clonazepams|rivotril|rivotriles|tabletas|pastis|comprimidos]",
            "# ~2 [pastillas|clonazepam|clonazepams|rivotril|rivotriles|tabletas|comprimidos] ~5 [es mortal|es letal|son mortales|son letales|me matan|me mataria|me matarian|seria mortal|seria letal]",
        ),
        numbers=(10, 10_000),
    ),
    Rule(
        "suicide.method_vague",
        "suicide",
        "method",
        ("how many|much [would|will|does|do|did|could] it|that take", "how many|much ~2 [would it take|does it take] ~1"),
        weak=True,
    ),
    Rule(
        "suicide.coded",
        "suicide",
        "ideation",
        (
            "=kms",
            "=kmsl",
            "=unalive|=unaliving|=unalived [myself|me|my self]",
            "=ctb",
            "=sewerslide",
            "[sewer slide]",
            "[commit suicide|commiting suicide|committing suicide]",
            "[catch the bus|catching the bus]",
            "[offing myself|offing themselves|off themselves|offing ourselves]",
            "[kill myself|killing myself|killed myself|hang myself|hanging myself|drown myself|shoot myself|off myself|yeet myself|rope myself]",
            "[jump off a bridge|jump off the bridge|jump off a building|jump off the roof]",
            "[end it all|end my life|take my own life|take my life]",
            "[checking out early|check out early|check out permanently]",
            "[sleep forever|sleep and never wake|never wake up again|permanent solution|final exit]",
        ),
    ),
    Rule(
        "suicide.third_party",
        "suicide",
        "ideation",
        (
            "{OTHER} ~4 [kill himself|kill herself|kill themself|kill themselves|killing himself|killing herself|end his life|end her life|end their life|end it all|take his own life|take her own life]",
            "{OTHER} ~3 [want|wants|wanted|said|says|keep|keeps|told|texted|posted|talking|talks|talked|saying] ~3 [to die|to end it|about dying|about ending it|about suicide|about killing|not be here|not be alive|about not being here]",
            "{OTHER} ~2 [is|was|seems|sounds|has been|been] ~1 [suicidal]",
            "{OTHER} ~4 [texted|said|says|wrote|messaged|told] ~4 [sorry for everything|goodbye to|her goodbyes|his goodbyes|i love you all|take care of the]",
            "[attempted suicide|attempting suicide|suicide attempt|tried to kill himself|tried to kill herself|tried to kill themselves]",
            "[nobody|no one] ~1 would ~1 miss [him|her|them]",
        ),
    ),
    Rule(
        "suicide.spanish",
        "suicide",
        "ideation",
        (
            "[me quiero morir|quiero morir|quiero morirme|quiero matarme|quiero suicidarme|me quiero matar|me quiero suicidar]",
            "[me voy a matar|me voy a suicidar|voy a matarme|voy a suicidarme]",
            "[soy una carga|ser una carga|siento que soy una carga|solo soy una carga|somos una carga]",
            "[ya no quiero estar aqui|no quiero estar aqui|no quiero estar mas aqui|ya no quiero estar en este mundo]",
            "[ya no estare|no estare manana|manana ya no estare|cuando yo no este|cuando ya no este|cuando me haya ido]",
            "[este es mi ultimo|esta es mi ultima] [cumpleanos|navidad|dia|noche|mensaje]",
            "[me tiro por la ventana|me tiro del puente|me tiro de un puente|me aviento|tirarme por la ventana|tirarme del|tirarme de un|me tiro al tren|me tiro a las vias]",
            # Putting affairs in order and saying goodbye, in Spanish.
            "[deje mis cosas ordenadas|deje todo ordenado|ya deje todo listo|deje todo listo|ya esta todo listo|tengo todo listo|ya tengo todo listo]",
            "[regale|di|he regalado|estoy regalando] ~2 [mi ropa|mis cosas|mi perro|mi gato|mis joyas|mis collares|mi guitarra]",
            "[dije adios|me despedi|le dije adios] ~3 [mi perro|mi gato|mis hijos|mi familia|mi mama|mis plantas]",
            "[le dije a mi perro|le dije a mi gato] adios",
            "[deje una carta|escribi una carta|le deje una carta|deje cartas|escribi cartas] ~4 [para|a mi|a mis|de despedida]",
            "[no quiero vivir|no quiero seguir|no quiero seguir viviendo|ya no quiero vivir]",
            "[se quiere matar|se quiere morir|se quiere suicidar|se va a matar|se va a suicidar]",
            "[pienso en suicidarme|pienso en matarme|pienso en morir|pensando en suicidarme|pensando en matarme]",
            "[solo queria despedirme|solo quiero despedirme|vengo a despedirme|me despido de todos|me despido para siempre|adios para siempre|esta es mi despedida]",
            "[quitarme la vida|acabar con mi vida|acabar con todo|ganas de morir|ganas de morirme|ganas de matarme]",
            "[me hace querer|me hacen querer|me dan ganas de] [morir|morirme|matarme|suicidarme]",
            # Suicidal thoughts said to be present ("tuve ideas suicidas hace años" is a resolved past, left to the model).
            "[tengo|sigo con|estoy con|vuelvo a tener|me vienen|me llegan|otra vez] ~2 [pensamientos suicidas|ideas suicidas]",
            "[pensamientos suicidas|ideas suicidas] ~2 [todo el dia|todos los dias|cada dia|constantes|24/7|otra vez|cada noche]",
            "[tengo|ya tengo|compre|ya compre] ~2 [la soga|una soga|la cuerda|una cuerda]",
            "[me suicido|me voy a quitar la vida|me quito la vida]",
            "[quiere|quiero|va a|voy a|piensa|pienso|pensando en] ~2 [quitar la vida|quitarse la vida|quitarme la vida]",
            "[formas|maneras|metodos|como] de [suicidio|suicidarme|suicidarse|matarme|matarse]",
            # Stockpiling pills, in Spanish ("ya junté suficientes pastillas").
            "[junte|juntado|juntando] ~3 [suficientes|las pastillas|pastillas|pastis]",
            # Not caring whether one lives ("me da igual si me muero", "ya no me importa morirme").
            "[me da igual|me da lo mismo|no me importa|me vale] ~2 [si me muero|morirme|morir|si muero|si me mato|vivir o morir|si no despierto|si ya no despierto]",
            "=suicidarme|=matarme|=suicidarse|=matarse",
            # Not waking up, in Spanish ("pienso tomármelas hoy para no despertar").
            "[para no despertar|para no despertarme|no volver a despertar|no despertar mas|no despertar nunca|no quiero despertar|no quiero despertarme|dormir para siempre]",
        ),
    ),
    # ============================================================================================ self-harm
    Rule(
        "self_harm.act",
        "self_harm",
        "ideation",
        (
            "{SELF} ~3 cut|burn|hurt|harm|hit|punch|scratch|stab|bite|bruise|beat|slice|carve|punish|starve|slap $SELF_OBJ",
            "{SELF} ~3 cut|burn|slice|carve|scratch|scratched|scratching my arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|body",
            "[carve|carving|carved|cut|cutting|slice|slicing|dig|digging|scratch|scratching] into my [arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|body|hip|hips]",
            "[knife|blade|razor] [blood|bleeding]",
            "[burning|burned|burnt|cutting|carving|carved|slicing|sliced] my [arm|arms|wrist|wrists|leg|legs|thigh|thighs|skin|stomach|hand|hands] ~3 [with a lighter|with a cigarette|with a razor|with a blade|with lighters|with cigarettes|to feel]",
            "[pressing|pressed|press|holding|held|hold|putting|put] ~2 [a hot|the hot|hot|a lit|lit|a lighter|the lighter|a cigarette|an iron] ~2 [on|to|against|into] my [skin|arm|arms|wrist|wrists|leg|legs|thigh|thighs|hand|hands|stomach]",
            "[cut|cutting|burn|burning|scratch|scratched|scratching|bite|biting|bit|hit|hitting|bang|banging|punch|punched|punching|pick|picking] ~5 [until|till|til|till|so] ~3 [bleed|bled|bleeding|blood|bruise|bruised|it hurts|they bleed|it bleeds]",
            "{SELF} ~2 [cutting|cut|burned|burning|cutting myself] [again]",
            "{SELF} ~3 [relapse|relapsed] ~2 [on|with] ~1 [cutting|sh|self harm|selfharm|self-harm]",
            "{SELF} ~3 [urge|urges] ~2 to [cut|hurt|harm|burn|sh|bleed]",
            "[urge|urges|need|itch] ~1 to [cut|burn|hurt myself|harm myself|sh|slice|scratch] ~2",
            "{SELF} ~4 [to|about to|need to|want to|going to|gonna] [cut|sh]",
            "[about to|going to|need to|want to|have to|urge to|urges to] [cut|sh] ~1",
            "=self =harm|=harming =again|=tonight|=urges|=rn",
            "{SELF} ~3 [self harm|self-harm|selfharm|self harmed|self harming|self-harmed|self-harming]",
            "[sh urges|sh again|sh relapse|relapsed on sh|sh tonight|sh rn|to sh|the sh]",
            "=catscratch|=catscratching",
            "[got|took|get|have|grabbed|found] ~1 [the|my|a|some] [blade|blades|razor|razors|razor blade|razor blades] ~3",
            "[blade|blades|razor|razors] ~4 [in my hand|in my room|for tonight|taped|hidden|ready|again]",
            "[doing the thing|do the thing] ~2 [with the lighter|with the blade|with the razor]",
            "[lighter|razor|blade] again",
            "{SELF} ~2 [arms|legs|thighs|wrists] ~2 [are covered|covered|full of] ~1 [again|cuts|in cuts|with cuts|burns|scratches]",
            "[my arms are covered|my arms r covered|arms are a mess|arms r a mess]",
            "=make =myself =bleed",
            "{SELF} ~2 =want|=need =to =bleed",
            "{SELF} ~3 [need to feel|want to feel|have to feel] ~2 [pain|something|anything] ~8 [hurts|hurt|pain|cut|blade|bleed]",
            "{SELF} ~3 [got|have|grabbed|took|holding|am holding] [the|my|a] [lighter|blade|blades|razor|razors] ~8 [do it|to do it|going to|again|tonight|ready]",
            "{SELF} ~3 [deserve to be punished|deserve to hurt|deserve the pain|deserve pain]",
            "{SELF} ~3 [going to|will|gonna] make it hurt",
            "[only thing|only way] ~6 [the pain|hurting myself|cutting|burning myself]",
            "{SELF} ~2 [bang|banging|hit|hitting|slam|slamming] ~1 my head ~3 [wall|floor|against|until]",
            "[hurting myself|harming myself|cutting myself|burning myself|hitting myself|hurt myself|harm myself|cut myself|burn myself|hit myself]",
            "[keep hitting|keep hittin|keep punching|keep biting|keep scratching] ~2 [myself|my|my self]",
        ),
    ),
    Rule(
        "self_harm.method",
        "self_harm",
        "method",
        (
            "how deep ~4 cut",
            "where ~3 [cut|burn] ~4 [nobody|no one|sees|see|notice]",
            "[hide|hiding|cover|covering] ~2 [fresh|new|my|the]? [cuts|scars|burns|marks] ~3 [from|so]",
            "how ~3 [cut|burn] ~3 [without|so it|deeper|more]",
        ),
    ),
    Rule(
        "self_harm.third_party",
        "self_harm",
        "ideation",
        (
            "{OTHER} ~3 [cut|cutting|cuts|burn|burning|burns|hurt|hurting|hurts|harm|harming|harms|hit|hitting|hits|banging|bang] ~2 [himself|herself|themselves|themself|his head|her head|his arms|her arms]",
            "{OTHER} ~2 [is|has|was|been|keeps] ~1 [self harming|selfharming|self-harming|self harm|cutting|burning himself|burning herself]",
            "{OTHER} ~3 [arms|legs|wrists|thighs] ~3 [full of|covered in|covered with] ~1 [fresh|new]? [cuts|burns|scratches]",
            "[fresh cuts|new cuts|fresh burns] ~3",
        ),
    ),
    Rule(
        "self_harm.spanish",
        "self_harm",
        "ideation",
        (
            "[me estoy cortando|me corto|cortarme|me cortaba|me quiero cortar|se esta cortando|se corta|se corto]",
            "[me volvi a cortar|volvi a cortarme|me he vuelto a cortar|me he estado cortando|me corte los brazos|me corte las munecas|me corte las piernas]",
            "[hacerme dano|hacerme daño|me hago dano|lastimarme|me lastimo|quemarme|me quemo|me golpeo]",
        ),
    ),
    # ============================================================================================ harm to others
    Rule(
        "harm_others.intent",
        "harm_others",
        "ideation",
        (
            "{SELF} ?really|just|seriously|honestly|literally {INTENT} ~2 kill|hurt|harm|stab|shoot|strangle|choke|smother|beat|attack|punch|murder|poison|hit|drug|unalive $OTHER_OBJ",
            "{SELF} ?really|just|seriously|honestly|literally {INTENT} ~2 kill|hurt|harm|stab|shoot|strangle|choke|smother|beat|attack|murder|poison|hit|drug|unalive my|his|her|that|this|the ~1 $PERSON",
            "[going to|about to|want to|will|gonna] [stab|shoot|strangle|murder|smother|kill|hurt|beat] ~1 [him|her|them|someone|somebody|sombody|that|my|his|her|the|this] ~2",
            "[is getting shot|is getting stabbed|is getting hurt|is a dead man|is dead|gets shot|gets stabbed|gets hurt|is going down] ~3 [when i find|when i see|when i catch|once i find|once i see|once i catch]",
            "[going round|going over|going down|heading over|heading round|going to his|going to her|going there|going round there|going over there] ~4 with a [bat|knife|gun|crowbar|machete|hammer|blade]",
            "=unalive|=kill|=murder|=stab ~1 my $PERSON ~3 [if|when|tonight|soon|i swear]",
            "{SELF} ~3 [scared|afraid|terrified|worried] ~2 [of what i will do|of what i might do|of what i could do|of what i am going to do|i will hurt|i might hurt|i could hurt|i will kill|i might kill|i am going to hurt|i will snap]",
            "{SELF} [could|might] [hurt|kill|harm|strangle|smother|shake] ~2 [my|the|him|her|them|someone|somebody]",
            "{SELF} ~2 [have|keep having|having|get] ~1 [thoughts|urges|images] ~2 [of|about] [hurting|killing|harming|stabbing|shaking] ~2",
            "[thoughts|urges] [of|about] [hurting|killing|harming|stabbing] ~1 [my|the|him|her|them|someone|people|others|the baby]",
            "{SELF} ~2 [hit|hurt|beat|punched|slapped|choked|shoved|shook] my $PERSON ~4 [again|tonight|today|think|going to|will]",
            "{SELF} ~3 =will =make =them|=him|=her =pay",
            "[shoot up|shoot] [the|my] [school|work|office|place|party]",
            "[catch a body|catchin a body|catching a body]",
            "[get got|gets got|about to get got|gonna get got|going to get got]",
            "[someone|somebody|people] ~3 [going to|gonna|will] [get hurt|get killed|die|pay] ~3",
            "{SELF} ~3 [going to|will|gonna] [regret|pay] ~4 [know where he|know where she|know where they|i know where]",
            "[know where] [he|she|they|my ex|my boss] [lives|parks|works|sleeps|is staying]",
            "[shut|silence] ~2 [him|her|them] ~1 [up for good|for good|permanently]",
            "{SELF} ~2 [keep imagining|keep picturing|keep fantasizing about|can not stop imagining|can not stop picturing|can not stop thinking about] [pushing|stabbing|hurting|strangling|choking|shoving|hitting|killing|smothering|drowning] [my|him|her|them|someone|the]",
        ),
    ),
    Rule(
        "harm_others.means",
        "harm_others",
        "ideation",
        (
            "{SELF} ~2 [got|have|bought|grabbed|took] ~3 [gun|knife|weapon|pistol|rifle|bat] ~5 [for|and i know|to use on|for my|and|tonight]",
            "[bought|got|grabbed] a [knife|gun] ~2 [for|today for]",
            "{SELF} ~3 [crush|crushing|slip|slipping|slipped|put|putting|mix|mixing|add|adding|hide|hiding] ~4 $BENZO ~4 [into|in] ~3 [drink|tea|coffee|food|juice|bottle|water|soup]",
            "how many|much ~6 [kill|knock out|knock] ~3 [my|him|her|them|a grown|a man|a woman|someone|a person]",
            "[knock out|knock him out|knock her out] ~4 [does not wake|doesn t wake|never wake|not wake]",
        ),
    ),
    # A screening question is reported speech the guard explains away ("the nurse asked if I had thoughts of suicide"),
    # but saying one lied in answer to it is the disclosure: "…and I lied and said no. I do. Constantly."
    Rule(
        "suicide.concealed_from_a_screening",
        "suicide",
        "ideation",
        # The screening question and the denial are one explained-away span; the disclosure comes after it.
        ("[i do|i still do|i really do|i have them|i still have them|yes i do] ~2 [constantly|all the time|every day|every night|daily|a lot|still]",),
        requires_phrases=("suicid", "lied"),
    ),
    # "Dead meat" is a figure of speech (an idiom the guard clears) until the speaker backs it with a threat of their
    # own: "that nurse is dead meat when I get out of here. I mean it". The match leaves the idiom out.
    Rule(
        "harm_others.idiom_made_a_threat",
        "harm_others",
        "ideation",
        (
            "[when i get out|when i see him|when i see her|when i find him|when i find her|when i get my hands on] ~6 [i mean it|i swear|i am serious|i am not joking|for real]",
        ),
        requires_phrases=("dead meat",),
    ),
    # Doing it so that nobody knows: the fusion never lets the model talk this down (bot.safety.fusion).
    Rule(
        "harm_others.covert",
        "harm_others",
        "ideation",
        (
            "[without] [him|her|them] [knowing|tasting|noticing|finding out]",
            "[without anyone knowing|without anyone finding out|so nobody knows|so no one knows]",
        ),
        # Putting something into someone, not "taking my mom's without her knowing" (misuse, not harm to her).
        requires="COVERT_ACT",
    ),
    Rule(
        "harm_others.threatened",
        "harm_others",
        "event",
        (
            "{OTHER} ~3 [threaten|threatens|threatened|threatening] ~3 [kill|hurt|harm|shoot|stab|beat|me|us]",
            "{OTHER} ~3 [said|says|told me|just said|keeps saying|is saying] ~3 [he|she|they] ~2 [is going to|will|going to|is gonna|gonna] [kill|hurt|shoot|stab|beat] [me|us|the baby|my|him|her|them|everyone]",
            "{OTHER} ~2 [is going to|will|going to|gonna] [kill|hurt|shoot|stab] [me|us|the baby|the kids]",
            "{OTHER} ~1 [hit|hits|beat|beats|choked|chokes|strangled|punched|kicked|attacked|slapped] [me|us|my]",
            "{OTHER} [is|keeps|kept] [hitting|beating|choking|hurting|attacking] [me|us|my]",
            "{OTHER} ~2 [is holding|has|grabbed|pulled out|is waving|came at me with|came at us with] ~1 [a knife|a gun|a weapon|a bat]",
            "[afraid|scared|terrified] [he|she|they] [will|is going to|might] [kill|hurt] [me|us]",
            "[do not feel safe at home|not safe at home]",
            "going to hurt the baby",
        ),
    ),
    Rule(
        "harm_others.spanish",
        "harm_others",
        "ideation",
        (
            "[voy a matar a|voy a matarlo|voy a matarla|lo voy a matar|la voy a matar|los voy a matar|quiero matar a]",
            "[nos va a matar|nos quiere matar|me va a matar a golpes|me amenazo|me amenaza con]",
            "[lastimar a alguien|hacerle dano a|hacerle daño a|matar a mi|matar a alguien]",
            "[le voy a partir la cara|le voy a romper la cara|voy a golpear a|le voy a pegar|la voy a golpear|lo voy a golpear|le voy a dar una paliza|voy a lastimar a|voy a hacerle dano]",
        ),
    ),
    # ============================================================================================ overdose
    Rule(
        "overdose.took_too_much",
        "overdose",
        "event",
        (
            "{TOOK} ~3 [too many|too much|way too many|way too much|a lot|a bunch|a handful|a fistful|a fist full|a ton|tons]",
            "{TOOK} ~2 [the whole|the entire|a whole|an entire|my whole|his whole|her whole|all of my|all my|all of his|all of her|all his|all her|all the|all of the|half the|half of the|half my|half of my|everything in|every pill|every one|all of them|all of those|them all|the rest|the rest of them|all of it|everything]",
            "{TOOK} ~2 [double|triple|twice|extra|another|two doses|three doses] ~3",
            "[tomo|tome|se tomo|me tome|se tomaron|tomaron|tomamos] ~1 [el doble|el triple|doble|triple]",
            "[double and triple|doubled|tripled|double dosed|triple dosed|doubled up|double dosing]",
            "{TOOK} ~2 [more than] ~3 [prescribed|supposed|meant|should|allowed|i meant|i should|normal|usual]",
            "{TOOK} [enough] ~3",
            "{SUBJ} ~2 [accidentally|accidently|mistakenly] ~2 [took|take|doubled|double|gave]",
            "{TOOK} ~3 [by mistake|by accident|instead of]",
            # Someone else given the wrong pill ("gave my son MY pill instead of his adhd med").
            "[=gave|=given|=handed|=fed] ~3 [my pill|my pills|my klonopin|my clonazepam|my meds|my medication|my benzo|the wrong pill|the wrong pills|the wrong meds|the wrong medicine|the wrong medication|my tablet|one of mine] ~4 [instead of|by mistake|by accident|accidentally|thinking it was|thinking they were]",
            # Not knowing how many were taken is itself the alarm ("took no idea how many", "lost count").
            "[{TOOK}|=tk] ~3 [an unknown number|unknown number|an unknown amount|unknown amount|no idea how many|lost count|not sure how many|do not know how many]",
            "[lost count of how many|no idea how many|not sure how many|do not know how many] ~2 [i took|i have taken|i swallowed|i popped|he took|she took|they took|he has taken|she has taken]",
            "{SUBJ} ~3 [=overdosed|=overdosing|=oded]",
            "{SUBJ} ~3 [think|thinks|might|may|probably|maybe] ~3 [=overdosed|=overdosing|=overdose|=od]",
            "{SUBJ} ~2 [had|has|having|is having] [an overdose|a overdose|an od]",
            "[=i =overdosed|=i =am =overdosing|=overdosing =right =now|=overdosed =on]",
            "$BENZO ~1 [are in me|is in me|are already in me|in my system now]",
            "[got into|=ate|=swallowed|=chewed|=found] ~3 [my|his|her|the|their|grandmas|grandpas|moms|dads|nanas|uncles|aunts] ~1 $BENZO",
            "[toddler|baby|kid|child|son|daughter|nephew|niece|grandson|granddaughter|grandkid|grandchild|dog|puppy|cat] ~4 [got into|ate|swallowed|chewed] ~3",
            "[thought|think|thinks|thinking] ~2 $BENZO ~1 [were|was|are|is] [candy|candies|sweets|mints|vitamins|skittles|smarties|tic tacs]",
            "[toddler|baby|kid|child|son|daughter|yr old|year old|yo|grandson|granddaughter|dog|puppy|cat] ~3 [might have|may have|could have|probably|think] ~1 [gotten|got|grabbed|eaten|swallowed|chewed] ~1 [one|a pill|some|a tablet|two|it|my]",
            "$BENZO ~2 [bottle|pack|script|box] ~2 [is|was] [empty|gone]",
            "[found|see|is] ~2 [an empty|the empty|empty] ~1 [bottle|pill bottle|pack|blister]",
            "{TOOK} ~3 [a sheet|the sheet|a strip|a whole sheet|a whole strip|a bottle|the bottle|the script|the pack]",
            "[me tome|tome|se tomo|tomo] ~2 [todo el frasco|todas las pastillas|todas mis pastillas|muchas pastillas|demasiadas pastillas|todas]",
            "[tome|tomo|me tome|se tomo] ~3 [veinte|diez|quince|doce|treinta|cuarenta|cincuenta|muchas|demasiadas|todas|todo|muchos|demasiados|todos|la dosis de toda la semana|las de toda la semana|la dosis de varios dias]",
            "[no sabemos|no se|no sabe|ni idea de] [cuantas|cuantos] ~2 [se tomo|tomo|se tomaron|me tome|tome]",
            "=sobredosis",
        ),
    ),
    Rule(
        "overdose.count",
        "overdose",
        "event",
        ("{TOOK} ~2 # ~3", "{TOOK} ~1 like|about|around|maybe|over # ~2", "[tome|tomo] ~2 #"),
        numbers=(4, 10_000),
    ),
    Rule(
        "overdose.mg",
        "overdose",
        "event",
        ("{TOOK} ~2 # [mg|milligrams|mgs|milligram]", "{TOOK} ~2 #"),
        numbers=(6, 10_000),
        requires="BENZO",
    ),
    Rule(
        "overdose.unresponsive",
        "overdose",
        "event",
        (
            "{OTHER} ~6 [will not|would not|is not|was not|does not|did not|can not|not] ~1 [wake up|waking up|wake|waking|respond|responding|moving|answering]",
            "[can not|could not] [wake|rouse] ~1 [him|her|them|my|up]",
            "[really|very|so] hard to wake ~1 up?",
            "[lips|face|fingers|skin|nails|fingernails] ~3 [blue|purple|gray|grey]",
            "[blue|purple|gray|grey] ~2 [around the lips|lips]",
            "[passed out|unconscious|unresponsive|out cold|fading|nodding off] ~5",
            "[can not|could not] [stay awake|keep my eyes open|keep his eyes open|keep her eyes open]",
            "[no despierta|no responde|no reacciona]",
            "[piel|labios|cara|unas] ~2 [gris|grises|azul|azules|morado|morados|morada|moradas]",
        ),
        requires="BENZO",
    ),
    # Asking whether to let someone who took too much sleep it off is itself the alarm: a question does not clear it.
    Rule(
        "overdose.sleep_it_off",
        "overdose",
        "method",
        ("[let|letting|leave|leaving] [him|her|them|my] ~2 [sleep it off|sleep this off|sleep off]",),
    ),
    # ============================================================================================ mixing
    # Mixing is also detected by co-occurrence in the guard (a benzo, a depressant and an act that happened).
    Rule(
        "mixing.statement",
        "mixing",
        "event",
        (
            "{SUBJ} ~3 [mixed|mixing|combined|combining|mix|mezcle|mezclo] ~4 $DEPRESSANT",
            "{SUBJ} ~3 [mixed|mixing|combined|combining] ~4 $BENZO",
            "{SUBJ} $BE ~1 [drunk|wasted|high|hammered|buzzed|tipsy] ~4 [and] ~2 [took|popped|taking|had|on|just took]",
            "{TOOK} ~6 [on top of|after|with|plus|and] ~3 $DEPRESSANT",
            "[on top of] ~2 [the|my|his|her|a few|some|a|a couple|a couple of]? ~1 $DEPRESSANT",
            "{SUBJ} ~1 [have|has] been drinking ~6 $BENZO",
            "[while drunk|while drinking|while wasted|after drinking all night|after a night of drinking]",
            "[after drinking|after a few|after some|after a couple] ~3 [took|popped|had|taken|swallowed]",
            "[wash down|washed down|washing down|chase|chased|chasing] ~4 $BENZO",
            "$DEPRESSANT ~3 [to wash down|to chase|with my pills|with my klonopin]",
            "[double cup|double cupped|double cupping|double-cupped]",
            "[tome|tomo|me tome|se tomo] ~3 [con alcohol|con cerveza|con vino|con tequila|con licor]",
            "[mezcle|mezclo] ~3 [con alcohol|con cerveza|con vino|alcohol]",
        ),
    ),
    # ============================================================================================ medical emergency
    Rule(
        "medical.seizure",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 $BE ~2 [having|had] ~2 [a seizure|another seizure|seizures|a fit|a convulsion|convulsions|a grand mal]",
            "{SUBJ} ~3 [just|think|thinks|might|may|probably] ~2 [had|have|having] ~6 [a seizure|another seizure|a fit|a convulsion|seizure]",
            "[seizure|fit|convulsion] ~4 [minutes ago|an hour ago|hour ago|just now|last night|this morning|earlier today|earlier tonight]",
            "{SUBJ} ~2 [had|has] ~2 [a seizure|another seizure|a fit|a convulsion]",
            "{SUBJ} ~2 $BE ~1 [seizing|convulsing|fitting|seizuring]",
            "{SUBJ} ~2 [seized|convulsed]",
            "[having a seizure|having a fit|had a seizure|seizing|convulsing|seizure right now|seizure rn]",
            "[seizure|fit] ~2 [is coming|coming on|starting|about to happen|is starting]",
            "[feel like|feels like|think] ~2 [a seizure|i am going to have a seizure|i will have a seizure|i might have a seizure]",
            "{SUBJ} ~3 [shaking|jerking|twitching] ~3 [and not|and will not|and can not|and is not|all over and|uncontrollably and|nonstop and|foaming]",
            "[twitching|jerking|shaking] ~2 [nonstop|non stop|uncontrollably|for the last hour|for an hour]",
            "[foaming at the mouth|eyes rolled back|eyes rolling back]",
            "[convulsion|convulsiones|convulsionando|teniendo una convulsion|le dio una convulsion|ataque epileptico]",
        ),
    ),
    Rule(
        "medical.breathing",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 [can not|could not] ~2 [breathe|breathing|breath|catch my breath|catch his breath|catch her breath|get air|get enough air]",
            "{SUBJ} ~2 [is not|are not|was not|am not|not] breathing",
            "{SUBJ} ~2 $BE ~2 [barely|hardly|struggling|gasping|fighting|choking|wheezing] ~1 [breathing|to breathe|for air|for breath|to breath]",
            "{SUBJ} ~2 [stopped|stops|keeps stopping] breathing",
            "{SUBJ} ~2 [having|have|has|had|got] ~1 [trouble|difficulty|problems|a problem|a hard time|a lot of trouble] ~1 breathing",
            "{SUBJ} ~2 $BE [short of breath|short of breathe|out of breath]",
            "[breathing|breath] ~2 [is|seems|sounds|got|has gotten|really|very|so|super] ~1 [slow|shallow|weird|strange|funny|labored|raspy|rattly|gurgling]",
            "[breathing really slow|breathing very slow|breathing so slow|breathing slowly|breathing weird|snoring weird|snoring strange]",
            "[slow breathing|shallow breathing|struggling to breathe|trouble breathing|difficulty breathing|hard to breathe|barely breathing|not breathing|gasping for air|can not breathe|can not catch my breath|hard to breath]",
            "[throat is closing|throat closing|throat feels like it is closing]",
            "[no puedo respirar|me cuesta respirar|no respira|no puede respirar]",
        ),
    ),
    Rule(
        "medical.chest_heart",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 [have|has|having|got|getting|get] ~3 [chest pain|chest pains|chest pressure|chest tightness|pain in my chest|pain in his chest|pain in her chest]",
            "[chest pain|chest pains|chest pressure] ~3 [now|right now|bad|really|and|spreading|arm|jaw|crushing|again]",
            "[my|his|her] chest ~2 [hurts|is tight|feels tight|feels heavy|is heavy|is crushing|is super tight|is so tight|is really tight|feels like]",
            "[elephant|weight|brick|someone] ~3 [on my chest|sitting on my chest|on his chest|on her chest]",
            "chest ~2 [feels like|like] ~2 [an elephant|a brick|a weight|someone is sitting|it is being crushed|it is going to explode]",
            "[crushing chest|heart attack]",
            "[heart|pulse|heart rate] ~3 [racing|pounding|going crazy|skipping|beating so fast|going so fast|going absolutely crazy] ~6 [pass out|faint|black out|chest|die|dying|can not breathe|slow down|stop]",
            "[heart|pulse|heart rate] ~4 #",
            "[dolor de pecho|me duele el pecho]",
        ),
    ),
    Rule(
        "medical.heart_rate",
        "medical_emergency",
        "event",
        ("[heart|pulse|heart rate|hr|bpm] ~4 #", "# [bpm|beats]"),
        numbers=(140, 400),
    ),
    Rule(
        "medical.consciousness",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~3 [about to|going to|gonna|think i will|might|feel like i am going to|feel like i will] ~1 [pass out|faint|black out|collapse]",
            "{SUBJ} ~2 [passed out|blacked out|fainted|collapsed|lost consciousness]",
            "[keep|keeps] [passing out|fainting|blacking out]",
            "[=fainted|=collapsed|blacked out|passed out] ~2 [at work|today|again|twice|this morning|tonight|in the shower|at the store|in class]",
            "[vision|sight] ~2 [is going|going|went|goes|is getting] ~1 [dark|black|blurry and dark]",
            "{OTHER} ~3 [unresponsive|unconscious|will not wake up|is not waking up|is not responding|not responding|will not respond|does not respond]",
            "[se desmayo|me desmaye|me voy a desmayar]",
        ),
    ),
    Rule(
        "medical.mind",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 $BE ~2 [hallucinating|seeing things|hearing things|hearing voices|seeing people|seeing bugs|seeing shadows|seeing shadow people]",
            "{SUBJ} ~3 [see|sees|saw|seeing|hear|hears|heard|hearing] ~3 [things|people|bugs|voices|stuff|shadows|his dead|her dead|my dead] ~4 [not there|that are not|nobody|no one|aren t|is not there|are not there|wife|husband|mom|dad|everywhere]",
            "[shadow people|things that are not there|people who are not there|voices that are not there|bugs crawling|walls are moving|walls keep moving|walls are breathing|tv is talking|tv talking to|the tv talks]",
            "[hear|hears|hearing|heard|see|sees|seeing|saw] ~4 [that is not playing|that isnt playing|that is not there|that isnt there|that nobody else|that no one else|nobody else can|no one else can]",
            "[people|someone|men|strangers] ~2 in my room ~4 [not supposed|are not|who are not|watching]",
            "{SUBJ} ~2 [do not|does not|did not] ~1 [know|recognize|recognise] ~2 [where i am|where he is|where she is|where they are|who i am|me|us|anyone|his|her]",
            "{SUBJ} ~2 $BE ~2 [so|really|very|totally|completely|extremely|super|really really] ~1 [confused|disoriented|delirious|out of it]",
            "{SUBJ} ~2 $BE [confused and|confused,|disoriented|delirious]",
            "[so confused|very confused|really confused|completely confused|totally confused] ~4",
            "[delirious|delirium tremens right now|the dts|having dts|having the dts]",
            "{SUBJ} ~2 $BE talking to ~2 [people who are not|nobody|no one|someone who is not]",
            "[viendo cosas|veo cosas|cosas que no existen|cosas que no estan|escucho voces|oye voces|esta confundida|esta confundido|muy confundido|muy confundida]",
        ),
    ),
    Rule(
        "medical.fever",
        "medical_emergency",
        "event",
        (
            "[fever|temperature|temp] ~2 #",
            "# ~2 [fever|degree fever|degrees|f fever|temperature]",
        ),
        numbers=(101.5, 110),
    ),
    Rule(
        "medical.fever_words",
        "medical_emergency",
        "event",
        (
            "{SUBJ} ~2 [have|has|got|running|having|is running] ~2 [a high fever|high fever|a really high fever|a very high fever|a huge fever|a crazy fever|a bad fever]",
            "[high fever|burning up with fever|burning up and shaking|fever and confused|fever and shaking]",
            "[mucha fiebre|fiebre alta|fiebre muy alta]",
            # Vomiting that does not stop, in Spanish ("vomita todo lo que toma desde hace 24 horas").
            "[no para de vomitar|vomita todo|vomitando sin parar|lleva vomitando|no deja de vomitar|vomitando todo el dia]",
        ),
    ),
)


# ---------------------------------------------------------------------------------------------------------------
# Context: idioms, negation, framing
# ---------------------------------------------------------------------------------------------------------------
# Figures of speech that carry a risk model's alarm words with no risk in them: besides clearing a rule match
# (they are idioms too), one of these alone makes the guard's verdict CLEARED (idiom), so the model's reading of
# "we had our old dog put to sleep" gets at most a direct question (bot.safety.fusion).
FIGURES: Tuple[str, ...] = (
    "[sleep when i am dead|sleep when you are dead|sleep when he is dead|sleep when she is dead|sleep when we are dead|sleep when i die]",
    "[dog|cat|pet|puppy|kitty|horse|bunny|rabbit|hamster|parrot|cockatiel|guinea pig|pup] ~2 [put to sleep|put down|was euthanized|euthanized]",
    "[put our|put my|put the] ~2 [dog|cat|pet|puppy|kitty|horse|rabbit] [to sleep|down]",
    "[suicide is painless|suicide squad|suicide season|suicide doors|suicide run|suicide runs|suicide sprints|suicide sprint|suicide hotline number on my fridge]",
    "[end|ending|finish] ~4 [this conversation|the conversation|this chat|the chat|our chat|on a good note|on a high note|on a positive note]",
    "[dead man walking|like a zombie|zombie mode] ~4 [coffee|before|until|without]",
    # The spelling repair reads Spanish "matando" as "matarlo".
    "[taper|withdrawal|benzos|klonopin|this|it|addiction] ~2 [has taken|took|taken] [everything|everything from me|it all|my life from me]",
    "[trafico|calor|trabajo|tarea|examen|examenes|frio|jefe|horario|dolor|cabeza|espalda|muela|migrana|cuello|rodilla|insomnio] ~3 [me esta matando|me esta matarlo|me estan matando|me estan matarlo|me mata|me va a matar]",
    "[me esta matando|me esta matarlo|me estan matando|me estan matarlo|me mata] ~4 [jaja|jajaja|jajajaja|lol|xd]",
    # A song or a show one loves "kills" (from the regression half of evaluation round 14).
    "[cancion|canciones|musica|serie|pelicula|novela|video|meme|memes|chiste|risa] ~3 [me mata|me matan|me esta matando|me estan matando|me muero]",
    "[song|songs|lyrics|lyric|tune] ~6 [stuck in my head|on repeat|on loop]",
    "[stuck in my head|on repeat|on loop] ~4 [song|songs|lyrics|tune|track]",
    "[the song|a song|this song|that song|song called|the track|the album|the movie|the film|the book|the show|the band] ~2 [overdose|suicide|dead|killer|die|dying|kill|death]",
    "[dead leg|dead arm|leg is dead|arm is dead|legs are dead|dead battery|dead phone]",
    "[dream that i|dreamt that i|dreamed that i|dream where i|dreamt i|dreamed i|nightmare that i|nightmare where i] ~2 [died|was dead|die|was dying|drowned]",
    "[lost my mind|losing my mind|lose my mind] [trying to|over|with the|at the|because of the]",
    # "Estoy que me tiro por la ventana": fed up, in Spanish.
    "[estoy que me tiro|esta que me tiro|estoy que me aviento] ~3 [jaja|jajaja|jajajaja|con este|con esta|con el|con la|de tanto]",
    # Pets or children near a bottle with nothing taken: "counted and all 28 are still there", "cap still on".
    "[chewed|chewed on|chewing on|chewed up|knocked over|knocked|batting|got into|got hold of] ~3 [bottle|pill bottle|blister pack|empty bottle|pack|container] ~12 [cap stayed on|cap still on|lid stayed on|lid still on|nothing missing|none missing|all still there|still in there|no pills in it|was empty|all there]",
    "[tiro|tumbo|mordio|agarro|mordisqueo] ~3 [frasco|bote|caja|blister|envase] ~12 [estan todas|no falta ninguna|no falto ninguna|tapa puesta|seguia cerrado|estaba cerrado]",
    # A pet's dose, not covert drugging: "can I crush a quarter of my clonazepam into her food" about the cat.
    "[cat|dog|pet|kitten|puppy|bird|parrot|rabbit|horse|cats|dogs] ~14 [into her food|into his food|in her food|in his food|into its food|in its food|into her treat|into his treat|in her treat|in his treat]",
    # ("counted" alone is no figure: "the pills are counted out", "counted and 4 are missing".)
    "[all still there|are all there|still all there|still in there|nothing missing|none missing|none are missing|cap still on|lid still on|lid stayed on|cap stayed on|no pills left|no pills in it|spat it out|spat it straight out|estan todas|no falta ninguna]",
    # Beating a task, not a person: "gonna crush this taper".
    "[crush|crushing|crushed|smash|smashing|smashed|nail|nailing|nailed] [this|the|my|that] [taper|exam|test|interview|workout|week|day|shift|presentation|appointment]",
    # Dread of a chore: "shoot me now, I have to do my taxes".
    "[shoot me now|just shoot me|somebody shoot me|someone shoot me] ~6 [taxes|tax|homework|meeting|meetings|monday|paperwork|exam|exams|shift|laundry|in-laws|traffic|email|emails|inbox|dishes|deadline]",
    "[throw|throwing|toss|tossing|chuck] ~3 [pills|meds|phone|laptop|bottle] off a bridge",
    "[threw out|throw out|tossed|recycled|disposed of|thrown out] ~3 [pill bottles|bottles|empty bottles]",
    "[goodbye|bye|bye bye|farewell] [klonopin|benzos|clonazepam|pills|xanax|kpins|withdrawal|taper]",
    "no way out of ~2 [paying|the contract|the lease|the meeting|the copay|the deal|going|jury duty|the wedding|the trip|the fee|the bill|the party|the shift|work|school|homework]",
    "[rope|ropes] ~4 [climbing|climb|gym|swing|tire swing|hammock|tow|towing|boat|kayak|tent|camping|tug|dog toy|jump rope|skipping|garden|clothesline|tie down|crafts|macrame]",
    "[highest|tallest] ~6 [project|school|homework|trip|vacation|holiday|visit|tour|photo|photos|view|world|class|kid|kids|son|daughter|architecture|history|engineering|record]",
    # Giving a pet a dose is a personal-advice request or a pet poisoning, never giving the animal away.
    "[give|giving|give him|give her] ~2 [my dog|my cat|the dog|the cat|my puppy|my kitten|our dog|our cat|my pup] ~4 [clonazepam|klonopin|pill|pills|tablet|tablets|dose|benzo|benzos|mg|medicine|meds|half|some of my|a bit of my]",
    "[giving away|gave away|donating|donated|give away] ~4 [books|clothes|old clothes|baby clothes|toys] ~4 [library|goodwill|charity|shelter|thrift|church]",
    "[last pill|last dose|final pill|final dose|last taper dose] ~6 [taper done|taper is done|done tapering|finished|free|off benzos|off klonopin|made it|milestone]",
    "[going to|will|would] [strangle|murder|kill|strangling|murdering] me [for eating|for taking|for borrowing|for using|for breaking|for losing|for finishing|for drinking]",
)

# Protective statements (C-SSRS safety planning: support present, help reached, means put away). After a crisis
# reply they say the person is safer now: the assistant thanks them and returns to answers rather than reading the
# words "988", "safe" or "pills" as more of the crisis (bot.components.safety_classifier). Negated ones do not count.
# A bare "I'm safe now" is not one: it gets the gentle re-check (bot.safety.dialogue).
PROTECTIVE: Tuple[str, ...] = (
    "[he|she|they] ~2 [feels|feel|is|are|says|said|seems] ~3 [safe|safer]",
    "[called|texted|talked to|spoke to|spoke with|reached out to|contacted|chatted with] ~2 [988|a crisis line|the crisis line|the hotline|a hotline|lifeline|samaritans|my therapist|my psychiatrist|her psychiatrist|his psychiatrist|my doctor|my sponsor|the crisis team|someone at 988|a counselor]",
    "[calling|texting|talking to|talking with|messaging|on the phone with|going to call|about to call] ~2 [988|a crisis line|the crisis line|the hotline|a hotline|lifeline|samaritans|my therapist|my psychiatrist|my doctor|my sponsor|the crisis team|a counselor|my counselor]",
    "[my roommate|my sister|my brother|my mom|my mum|my dad|my partner|my husband|my wife|my boyfriend|my girlfriend|my friend|my best friend|my flatmate] ~1 [is home|is here|came home|got home|came over|is with me|is next to me]",
    "[saw|seen|see|visited|seeing] ~2 [her psychiatrist|his psychiatrist|my psychiatrist|her therapist|his therapist|my therapist|her doctor|his doctor|a therapist|a psychiatrist|a counselor|my counselor]",
    # Means put out of reach (C-SSRS safety planning).
    "[put|locked|hid|moved|gave|handed|left] ~3 [the blades|my blades|the razors|my razors|the razor|the knives|my knives] ~4 [trunk|car|away|outside|locked|neighbor|friend|sister|brother|mom|dad]",
    # The same in Spanish: a crisis line or a therapist reached, someone there now.
    "[hable con|llame a|llame al|escribi a|le escribi a|hablando con|hable a] ~2 [la linea de crisis|la linea|el 988|988|mi terapeuta|mi psicologo|mi psicologa|mi psiquiatra|mi doctor|mi doctora|mi medico]",
    "[estoy con|esta conmigo|se queda conmigo|se quedo conmigo|estoy a salvo con|estoy en casa de|vino a estar conmigo] ~1 [mi mama|mi madre|mi hermana|mi hermano|mi pareja|mi esposo|mi esposa|mi novio|mi novia|mi amiga|mi amigo|mi papa|mi padre|mi familia|mi hija|mi hijo]",
    "[is|are] [coming over|coming to stay|staying with me|staying with us|here with me|with me now|with me tonight|staying the night]",
    "[staying with us|staying with me|staying the night]",
    "[locked up|locked away|got rid of|handed over|gave away] ~2 [the meds|the pills|my pills|the medication|her meds|his meds|my meds|the bottle|the knives]",
    "[do not|no longer] feel ~2 [pull|urge|urges|need] to [act|do it|hurt myself]",
    "[safety plan|my safety plan|our safety plan]",
    "[driving to|on our way to|on the way to|heading to|going to|at|took him to|took her to|bringing him to|bringing her to] [the vet|the er|the hospital|urgent care|the emergency room|the emergency vet]",
    "[poison line|poison control|the vet|the doctor|the nurse|the paramedics|the ambulance] ~3 [said|says|told us|told me|is here|are here|came]",
    "[help is here|help arrived|help got here|ems is here|ems arrived|emts are here|emts arrived|medics are here|ya llegaron los paramedicos|llegaron los paramedicos|llego la ambulancia|ya llego la ambulancia|ya llego la ayuda]",
    "[police|paramedics|ambulance|the crisis team] ~3 [did a welfare check|are with her|are with him|took her|took him|got there]",
    "[sitting with me|staying with me|stays with me|is sitting with me|took the pills to|took my pills to|has my pills|holding my pills|holds my pills]",
)

# Signs in a message that outweigh any protective words in it ("my husband is here, he says my lips look blue").
PROTECTIVE_BLOCKERS = frozenset(
    "blue purple gray grey lips dizzy dizziness slurring slurred shaking seizing twitching jerking vomiting puking "
    "confused unconscious unresponsive breathing breathe breath swallowed drank drunk overdosed sleepy drowsy groggy nodding".split()
)

# Figurative uses that would otherwise match a rule; a rule match overlapping one of these is cleared.
IDIOMS: Tuple[str, ...] = (
    # Not an idiom but explained away the same way: someone *wanting* to double a dose asks a prescriber's question
    # ("my dad wants to double his klonopin, is that ok"); "doubled" as an intake still reads as one.
    "[wants to double|want to double|wanting to double|planning to double|plans to double|going to double|asked to double|asking to double|asks to double|thinking of doubling|thinking about doubling]",
    # Making up a forgotten dose is a question for the pharmacist ("se me olvidó la de ayer, ¿tomo el doble hoy?");
    # without accents "tomo" may also be "tomó" (took), so only asked, right after the speaker's own forgotten dose
    # ("pasó" reaches the matcher spelled "pass", "doble" "double").
    "[olvide|se me olvido|se me paso|se me pass|me salte|no me tome] ~6 [¿ tomo el doble|¿ tomo doble|¿ me tomo el doble|puedo tomar el doble|puedo tomar doble|debo tomar el doble|tengo que tomar el doble|puedo tomarme el doble|¿ tomo el double|¿ tomo double|¿ me tomo el double|puedo tomar el double|puedo tomar double|debo tomar el double|tengo que tomar el double|puedo tomarme el double|¿ tomo dos|¿ me tomo dos|puedo tomar dos|puedo tomarme dos|debo tomar dos|me tomo doble|me tomo el doble|la tomo doble|la tomo el doble]",
    # A prescriber "cutting me" cuts the dose ("angry at my pdoc for cutting me so fast").
    "[pdoc|doc|doctor|doctors|psych|psychiatrist|prescriber|gp|pcp|np|dr|clinic|pharmacist] ~4 [cutting me|cut me|cuts me|cutting us|cut us]",
    "[dying to] ~1 know|see|try|hear|find|get|go|meet|ask|learn|watch|read|tell|eat|have|understand|sleep",
    # Means put out of reach is explained away too (it is protective, above): "put the blades in my car trunk".
    "[put|locked|hid|moved|gave|handed|left] ~3 [the blades|my blades|the razors|my razors|the razor|the knives|my knives] ~4 [trunk|car|away|outside|locked|neighbor|friend|sister|brother|mom|dad]",
    "[die laughing|dying laughing|died laughing|die from laughing|dying from laughing|not collapsing|without collapsing|not to collapse]",
    "[thought i was going to die|thought i was gonna die|thought i would die|felt like i was going to die|felt like i was gonna die] ~4 [but|lol|haha|proud|survived|made it|finished|went fine]",
    "[strangle|strangling|kill|killing|murder|murdering|punch|smash|strangled|killed] ~2 [my alarm|the alarm|alarm clock|my alarm clock|the printer|my printer|my router|the router|my laptop|the wifi]",
    "[snoring|cooking|singing|driving|jokes|puns|dad jokes|music] ~3 [is going to kill|are going to kill|will kill|gonna kill|is killing|are killing|going to be the death of] ~1 [him|her|me|us|them]",
    "[instructor|coach|trainer|gym|workout|class|leg day|burpees|spin class|spin|bootcamp|crossfit|hike|run] ~4 [wanted us all dead|wants us all dead|wanted us dead|tried to kill me|trying to kill me|tried to kill us|trying to kill us]",
    "[bored|embarrassed|mortified|happy|excited|hungry|full|jealous|tired|annoyed|relieved] ~2 [i could die|i could have died|i could just die|i might die|could have died]",
    "[dying for a|dying for some|dying of laughter|dying of boredom|dying of embarrassment|dying of curiosity|die of embarrassment|die of laughter|died laughing|dead tired|to die for|could die of|could die laughing]",
    "[killing it|killed it|kill it|kill time|killing time|killing me softly|the death of me|kills me|kill for|killed last night|killed the|kill the lights|kill the vibe|kill the mood|kill the engine|kill the music]",
    "[is killing me|are killing me|was killing me|is killing my|are killing my|was killing my|is slowly killing|killing my soul|killing my garden|killing my back]",
    "[going to kill me if|going to kill me when|going to kill me for|will kill me if|will kill me when|would kill me if|gonna kill me if|is going to kill me lol|going to kill me lol|going to kill me haha]",
    "[overdose on|overdosed on|overdosing on|od on] [coffee|caffeine|sugar|netflix|tv|chocolate|candy|cake|love|memes|content|work|anime|pizza|cuteness|energy drinks|red bull|monster|espresso|tiktok|reality tv|carbs|cookies]",
    "[overdose awareness|overdose prevention|overdose awareness day|international overdose]",
    "[kill two birds|killing two birds|killed two birds|die for it|would die for|i would die for|to die for]",
    "[die happy|could die happy|wake the dead|raise the dead|dead to the world|dead plant|plant is dead|plant died]",
    "[me muero de ganas|me estoy muriendo de calor|me muero de calor|muriendo de calor|muriendo de frio|me muero de frio|me muero de risa|me muero de hambre|me muero de sueno|me muero de aburrimiento|me mata de risa|me muero de verguenza|morir de verguenza|me muero de nervios|me muero de miedo|me muero de pena|me muero de envidia]",
    "[heat|weather|humidity|sun|traffic|roads|commute] ~3 [is deadly|was deadly|deadly|is killer|is murder|was murder]",
    "[boss|teacher|coach|manager|professor|landlord|supervisor] ~2 [is going to|will|is gonna|gonna|would] [kill me|murder me]",
    "[zombies|the boss|final boss|creeper|creepers|enemies|the game|npc|npcs|snipers|campers] ~2 [killed me|kills me|keep killing me|kept killing me]",
    "[i am deceased|im deceased|deceased|i am dead|im dead|i died|dead] ~1 [lmao|lol|lmfao|haha|hahaha|lmaooo|lmaoo]",
    "[lmao|lol|lmfao|haha|lmaooo|lmaoo] ~1 [i am deceased|im deceased|i am dead|i died]",
    "[cutting my pills|cutting the pills|cutting my tablets|cutting them in half|splitting my pills|pill splitter|splitter|pill cutter]",
    "[overdose calls|od calls|overdose call|narcan training|overdose training|naloxone training]",
    "[ate|swallowed|chewed|ate a|swallowed a|chewed a|chewed up a|chewed up my] [sock|socks|crayon|crayons|toy|shoe|shoes|slipper|rock|rocks|stick|sticks|grass|homework|paper|tissue|tissues|napkin|cardboard|bug|fly|lego|legos|button]",
    "# [degrees|degree] [out|outside|outdoors|in the shade|today]",
    "[nearly|almost|about to|practically] ~1 [gave me|give me|giving me|gives me] [a heart attack]",
    "[gave me|give me|giving me|gives me] a heart attack ~2 [lol|haha|lmao|when|then|but]",
    "[my phone|my battery|my laptop|my car|my plant|my plants|my houseplants|my garden|the battery|phone is|battery is] ~2 [died|dying|is dying|are dying]",
    "[keeps dying|kept dying|died on the same level|character died|character keeps dying]",
    "[killer headache|killer workout|lmao dead|i am dead lol|shoot me a text|shoot me a message|shoot a text|take a shot|shot of espresso|knock me out|blow my mind]",
    "[cutting back|cut back|cut down|cutting down|cut it in half|cut them in half|cut it in quarters|cut the pill|cut the pills|cut the tablet|cut my pill|cut my pills|cut my dose|cutting my dose|cut my doses|cut a|cutting a|pill cutter|cut myself off|cutting myself off|cut off|cutting out]",
    "[burn out|burned out|burnt out|burning out|heartburn]",
    "[murder|murdering|destroy|destroying|demolish|demolishing|kill|killing|slay|slaying|devour] ~1 [this|that|a|the|my|some|these|those] ~1 [pizza|burger|burrito|sandwich|plate|cake|pie|steak|tacos|taco|meal|buffet|dinner|lunch|breakfast|ice cream|pasta|wings|fries|donut|donuts|cookies|workout|karaoke|exam|test|interview|presentation|song|leg day|crossword|playlist]",
    "[rather die than|sooner die than|rather be dead than] ~8 [training|trainings|meeting|meetings|karaoke|job|monday|mondays|school|class|party|dentist|gym|wedding|shopping|mall|cleaning|dishes|laundry|exam|zoom|presentation|small talk|cardio|run|jog|dance|sing|math|taxes|paperwork]",
    "[dead serious|dead meat|dead set|dead on|dead end|dead last|dead center|dead heat|dead silent|dead quiet|over my dead body|lifesaver|life saver|lifesavers|saved my life|saves my life|saving my life|literally saved me]",
    "[die|dying|perish] without ~3 [coffee|caffeine|tea|phone|wifi|internet|netflix|music|air conditioning|chocolate|snacks|sunglasses]",
    "[i am dead|im dead|dead|i am deceased|deceased|i died|crying] ~4 [meme|memes|too funny|so funny|hilarious|this video|this tiktok|this clip|that joke|this joke|this reel]",
    # Taper slang: "jumping off" is the last step of a taper.
    "[jump off|jumping off|jumped off|jump off point|jumping off point|jumping off from] ~4 [last|dose|mg|taper|crumb|crumbs|point|#|liquid]",
    "[hurt my back|hurt my knee|hurt my ankle|hurt my shoulder|hurt my neck|hurt my wrist|hurt myself at the gym|hurt my feelings]",
    "[ended up|end up|the end of|end of the|for the life of me|band called|a band|song called|game called]",
    "[i can not breathe lol|can not breathe lol|can not breathe haha|i can not even]",
    "[suicide prevention|suicide awareness|prevention walk|awareness walk]",
    "[poison line|poison control|poison center|poison centre|poison help|animal poison|pet poison]",
    "[breathing routine|breathing exercise|breathing exercises|breathing technique|breathing techniques|deep breathing|box breathing|breathing app|breathing practice]",
    "[cut me|cutting me|cuts me|cut him|cut her] [from|to|down|by|again|back|off]",
    # A dose cut told with its size: "is cutting 0.25 every two weeks small enough".
    "[cutting|cut|cuts|cutting down] ~1 # ~3 [every|a week|per week|each week|weeks|mg|at a time|per|small enough|too fast|too much|a month]",
    # Grief, not a goodbye: "my brother died three years ago, I've made peace with it".
    "[died|passed away|passed|death|loss|funeral] ~8 [made peace with it|made my peace with it|made peace with that]",
    "[seizure of|seize the day|seized the]",
    "[dye my|dye her|dye his|dye the|dye it|dye them|dye some|dye a|dye our|dye their]",
    "[kill|killed|killing|kills] [a|the|that|this|some|all the|those|these|every] ~1 [spider|spiders|bug|bugs|fly|flies|mosquito|mosquitoes|roach|roaches|cockroach|ant|ants|wasp|wasps|mouse|mice|rat|rats|weeds|plant|plants|process|app|battery|zombie|zombies|boss|monster|monsters|level|germs|bacteria|vibe|mood|buzz]",
    "[the|a] [death of me|killer]",
    "[killing my|killed my|kill my] [garden|plants|vibe|mood|buzz|soul|back|feet|brain cells|productivity|motivation|sleep|social life|budget|wallet|phone|battery]",
    "[shot myself in the foot|shoot myself in the foot|shooting myself in the foot|shot ourselves in the foot]",
    "[overdose on|overdosed on|overdosing on|od on|od ed on] [salt|sunshine|sun|chips|fries|junk food|ice cream|cardio|exercise|the gym|gym|sleep|naps|podcasts|true crime|christmas|music|books|drama|gossip|screen time|vitamin c|vitamins]",
    "[ate an entire|ate a whole|ate the entire|ate the whole|eaten an entire|eaten a whole] [bag|box|pizza|cake|tub|pint|jar|sleeve|packet|pack|family|carton|loaf|pie|bucket]",
    "[saved|saving|save|saved up|saving up|save up] ~3 [money|cash|dollars|bucks|for rehab|to pay|to afford|for treatment|paycheck|savings|vacation days|for a trip]",
    "[asked if|asked me if|asked whether|asked me whether|asks if|asks me if] ~10 [said no|answered no|told her no|told him no|told them no|said i do not|said i did not|the answer is no|answer is no|the answer was no|answer was no]",
    # A meme caption: "I could just die - me when my crush texted back".
    "[i could just die|i could die|i am dead|i died|i am deceased|dead] ~2 me when",
    "[rather die than|sooner die than|rather be dead than] ~6 [lol|lmao|haha|hahaha|😂|🤣|💀|😭]",
    "on the other side of [this|the|my|it|withdrawal|the taper|this taper|recovery]",
    "[catch the bus|catching the bus|catch a bus|caught the bus] [to|at|home|into|downtown|tomorrow|every|in the|from|this morning|to my]",
    "[die on this hill|die on that hill|dying on this hill|dying on that hill|hill to die on|hill i will die on]",
    "[so long|so boring|so bad|so awkward|so embarrassing|so loud|so slow|so cringe|so hot] ~2 [i wanted to die|i want to die|i could die|i almost died]",
    "[wanted to die|want to die|could have died|almost died] ~1 [🙄|😂|🤣|lol|lmao|haha|💀|😅]",
    "[end this taper|end my taper|end the taper|finish this taper|finish my taper|end this detox|end my detox] ~2 [strong|well|right|on a high|on a good]",
    "[shot a|shot an|shot] # ~3 [golf|round|holes|course|par|today]",
    "[scared|afraid|worried|terrified|nervous|anxious] ~2 [i would|i d|i might|i could|of having|of getting] ~1 [have|get|having|getting] ~2 [a seizure|seizures]",
    # Someone's reaction to news, not a symptom: "when my mom hears I quit my job she is going to have a heart attack".
    "[hears|hear|sees|see|finds out|find out|learns|learn|reads|read] ~8 [going to|will|would|is going to] have a heart attack",
    "[going to|will|would] have a heart attack [when|if|once] ~3 [hears|hear|sees|see|finds out|find out|learns|learn|reads|read|gets|opens]",
    # Song lyrics, video games (from the regression half of evaluation round 14).
    "[mama|mamma|mother] just killed a man ~2 [put a gun against his head|put a gun to his head]",
    "[mama|mamma|mother] just killed a man",
    "[boss fight|this level|that level|the level|this game|that game|final boss|this raid|the raid] ~2 [is killing me|was killing me|killing me|killed me]",
    "[died|dead|dying|respawned] ~1 [like|about|maybe|over|literally] # times",
    # A game's death, undone: "guess I'll just die and respawn".
    "[die|died|dying|dead] ~2 [respawn|respawned|respawning|reload|reloaded|restart from the last save|res me|revive me]",
)

NEGATORS = frozenset({"not", "never", "no", "nothing", "nobody", "none", "nor", "n't", "without", "neither"})
# After a negator these make the clause uncertain rather than negative ("I'm not sure I want to live").
UNCERTAINTY_AFTER_NEGATOR = frozenset({"sure", "know", "certain", "convinced", "able", "think", "even", "idea", "clue"})
NEGATION_WINDOW = 4

# Framing that turns an event into a hypothetical.
HYPOTHETICAL_MARKERS = frozenset({"if", "suppose", "supposing", "hypothetically", "whether", "incase", "lets", "imagine", "novel", "story", "character", "scene", "movie", "show"})
# Opening words of a question; with an auxiliary, the next word must look like a subject ("can you …").
QUESTION_WORDS = frozenset({"what", "how", "why", "when", "where", "which", "who", "whats", "hows"})
AUXILIARIES = frozenset({"can", "could", "does", "do", "did", "is", "are", "will", "would", "should", "may", "might", "has", "have", "was", "were"})
SUBJECT_AFTER_AUX = frozenset({"i", "you", "someone", "somebody", "it", "a", "an", "the", "my", "people", "he", "she", "they", "we", "this", "that", "there", "one", "anyone", "benzo", "klonopin", "clonazepam", "withdrawal", "mixing", "taking"})
# Anchors: words that make a sentence about a specific person rather than people in general.
SELF_WORDS = frozenset("i me my myself mine we us our im yo mis tome bebi".split())

# A general question the message then says is about the speaker ("is it normal to wish you were dead every day?
# because that's where I'm at") is not general: it does not clear the words it asks about. Matched as written, after
# normalization ("that's" reads "that is"). Added from the regression half of evaluation round 14.
QUESTION_ABOUT_THE_SPEAKER: Tuple[str, ...] = (
    "that is [where i am|how i feel|what i feel|what i am going through|what is happening to me]",
    "i feel [that way|like that]",
    "asking for myself",
    "[because|cause|bc] i do",
    "porque yo si",
    "asi [estoy yo|me siento]",
    "[or is that just me|or is it just me|or just me|or am i the only one|or is it only me]",
)

# A resolved or distant past clears the message's non-method evidence ("I had a seizure years ago, I'm fine now").
RESOLVED_PATTERNS: Tuple[str, ...] = (
    "[years|year|months|decade|decades|yrs] ago",
    "[last year|last summer|last winter|last spring|last fall|a year|one year|a decade]",
    "[in high school|in college|in the past|in my teens|in my twenties|in my thirties|in my 20s|in my 30s]",
    "[when i was] ~1 [younger|a kid|a teen|a teenager|in|19|20|18|16|17|21|22]",
    "[as a teenager|as a teen|as a kid]",
    "[back in|back then|back when]",
    "[used to]",
    "[a long time ago|long ago|over a decade]",
    "[in #]",
    "[previous taper|previous withdrawal|previous attempt|my last taper|my last withdrawal|my last detox|during my last|during my previous|during my first|first taper|first detox]",
    "[years clean|years sober|year clean|year sober|months clean|months sober|been sober|been clean|sober for|clean for|sober since|clean since]",
    "[i am fine now|i am ok now|i am okay now|i am better now|i am good now|fine now|okay now|fully healed|fully recovered|recovered|turned out|ended up fine|ended up okay|ended up totally fine|ended up completely fine|doing well now|doing great|doing well|doing fine]",
    "[have not since|have not in|have not been|has not since|has not in]",
    "[faded|went away]",
    "[once before|a while back|a long while ago|years back]",
    # Spanish "hace N años" is also a duration ("tomo clonazepam hace 6 años" = for 6 years): only a past act dated
    # by it counts.
    "[hace anos|hace # anos|hace mucho|hace mucho tiempo|el ano pasado|hace un ano|hace una decada] ~1 [intente|pense|quise|tuve|trate|me corte|me tome|estuve]",
    "[intente|pense en|quise|tuve|trate de|me corte|me tome|estuve] ~5 [hace anos|hace # anos|hace mucho tiempo|el ano pasado|hace un ano|hace una decada]",
    "[cuando era] ~1 [joven|adolescente|nino|nina|chico|chica|mas joven]",
)
# …but not when the message says it is happening now.
RECENT_MARKERS = frozenset(
    {"now", "tonight", "today", "just", "currently", "rn", "minutes", "hour", "hours", "morning", "yesterday", "earlier", "right", "again", "still", "tonite", "back", "keeps", "lately",
     "ahora", "hoy", "anoche", "todavia", "aun", "otra", "nuevo", "ultimamente"}
)
# "now" after these is about the present being fine ("I'm fine now", "I'm 45 now").
RESOLVED_BEFORE_NOW = frozenset({"fine", "ok", "okay", "better", "good", "sober", "clean", "healthy", "well", "great", "recovered", "old", "healed", "years", "months", "year", "place", "safe", "stable", "steady", "happy",
                                 "bien", "mejor", "estable", "tranquila", "tranquilo", "sobria", "sobrio", "limpia", "limpio", "anos", "meses"})

# Everyday Spanish words the typo repair must leave alone: each is a lexicon word or two edits from one, and the
# repair made them say something else ("dije" → "die", "doble" → "double", "intenté" → "intend", "anoche" → "another",
# "quedarme" → "quemarme", "piel" → "pill"). Accents are folded before the lookup.
SPANISH_WORDS_KEPT = frozenset(
    "intente intento intentar intenta dije dijo digo digas decirle piel doble martes paso pase pasa pasar pasos "
    "anoche quedarme quedarse muriera muerta muerto muertes meses mes hola casa cama caja toma tomas receta carta "
    "cartas ropa rato cuerpo anda ando abre madre tia tio pareja dinero domingo comida cocina boda tren puse malo "
    "piso siente sentir hice presion perdon camina llave clase tema entera entero paredes papeles pagar pagina "
    "personaje nina serie serio forma triste pensar decidi viernes espera cosa golpe dormido dormida seguro segura "
    "comio cuento cuarto vivo doy bano empece desperte".split()
)

# Terms that make a message "alarming" even when no rule fires (used for the HINT level).
ALARM_WORDS = frozenset(
    "die dying dead death kill killing suicide suicidal overdose overdosed seizure seizing seizures convulsion "
    "breathe breathing breath hallucinate hallucinating hurt harm cut cutting bleed blood gun rope lethal "
    "fatal unresponsive unconscious faint fainted collapse collapsed chest fever hopeless worthless ending "
    "alive gone goodbye bridge jump poison knife blade razor unalive stab pistola pistol".split()
)
