"""Crisis and safety replies, filled in from the helpline table for each country.

Every reply here is a static Rasa response (generated into data/responses/safety.yml), so it is sent by the Rasa
server itself and works when the action server is down.
"""

from __future__ import annotations

from typing import Dict, List

from bot.input_check import MAX_MESSAGE_CHARS
from bot.safety.helplines import CountryHelplines

SAFE_BUTTONS = [
    {"title": "Yes, I'm safe right now", "payload": "/confirm_safe"},
    {"title": "No, I'm not safe", "payload": "/not_safe"},
]

NOT_A_CRISIS_SERVICE = "I'm an automated assistant, not a crisis or emergency service."
NOT_A_CRISIS_SERVICE_ES = "Soy un asistente automático, no un servicio de crisis ni de emergencias."

YES_NO_BUTTONS = [
    {"title": "Yes", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]
SAFE_BUTTONS_ES = [
    {"title": "Sí, estoy a salvo", "payload": "/confirm_safe"},
    {"title": "No, no estoy a salvo", "payload": "/not_safe"},
]
YES_NO_BUTTONS_ES = [
    {"title": "Sí", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
]


def _bullets(lines: List[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _crisis_bullets(country: CountryHelplines) -> List[str]:
    return [line.render() for line in country.crisis_lines()]


def crisis_replies(country: CountryHelplines) -> Dict[str, str]:
    """Text of every safety response for one country, keyed by response name."""
    emergency = country.emergency
    crisis = country.crisis
    poison = country.poison.render()
    replies: Dict[str, str] = {
        "utter_crisis_suicide": (
            "Thank you for telling me — this matters, and you don't have to handle it alone. "
            "Please reach a person now, for yourself or for the person you're worried about:\n"
            + _bullets(
                _crisis_bullets(country)
                + [f"If someone might act on these thoughts soon or is in danger right now, call {emergency}."]
            )
            + f"\n{NOT_A_CRISIS_SERVICE}"
        ),
        "utter_crisis_self_harm": (
            "Thank you for telling me. Whoever is hurting deserves care, not judgment. Please reach a person now:\n"
            + _bullets(
                _crisis_bullets(country)
                + [f"If someone is badly hurt or bleeding heavily, call {emergency} now."]
            )
            + f"\n{NOT_A_CRISIS_SERVICE}"
        ),
        "utter_crisis_harm_others": (
            f"It sounds like someone could get hurt. If anyone is in immediate danger — including you — "
            f"call {emergency} now.\n"
            + _bullets([f"{line} — to talk through what is happening with a trained person" for line in _crisis_bullets(country)])
            + f"\n{NOT_A_CRISIS_SERVICE}"
        ),
        "utter_crisis_overdose": (
            "This may be an overdose — please act now.\n"
            + _bullets(
                [
                    f"Call {emergency} right away if the person is hard to wake, is breathing slowly or not at all, "
                    "or has blue or gray lips.",
                    f"{poison} — expert advice on what to do, even if you're not sure it's serious.",
                ]
            )
            + "\nStay with the person; the dispatcher or poison specialist will guide you. "
            + NOT_A_CRISIS_SERVICE
        ),
        "utter_crisis_mixing": (
            "Benzodiazepines taken with alcohol, opioids or other sedatives can slow or stop breathing, "
            "so please act now.\n"
            + _bullets(
                [
                    f"Call {emergency} if breathing is slow or shallow, lips look blue or gray, "
                    "or the person is very hard to wake.",
                    f"{poison} — call now for advice on what to do, even if things seem okay so far.",
                ]
            )
            + "\nTry not to be alone while this wears off. "
            + NOT_A_CRISIS_SERVICE
        ),
        "utter_crisis_medical_emergency": (
            f"This needs emergency help now — call {emergency}, or ask someone near you to call. "
            "A seizure, trouble breathing, chest pain, severe confusion or hallucinations, or a high fever "
            "during withdrawal can be life-threatening.\n"
            "If you are with the person, stay with them until help arrives. " + NOT_A_CRISIS_SERVICE
        ),
        "utter_crisis_not_safe": (
            f"Thank you for being honest with me. Please call {emergency} now, or reach "
            f"{crisis.name} ({crisis.contact}) — they can help you stay safe right now. "
            "If you can, go where other people are, and put distance between yourself and anything "
            "you could use to hurt yourself."
        ),
        "utter_ask_safe_now": "Are you safe right now?",
        "utter_safety_recheck": (
            "Thanks for letting me know, and I'm sorry if I misread you. I'd rather check twice than miss "
            "something: are you safe right now?"
        ),
        "utter_safety_checkin": "Before we go on — are you safe right now?",
        "utter_safety_resume": (
            "Thank you — I'm glad you're safe. I'm here for your questions. If that changes, "
            f"{crisis.name} is there any time ({crisis.contact}), and {emergency} in an emergency."
        ),
        "utter_help_now": (
            f"Here's who you can reach right now in {country.name}:\n"
            + _bullets(
                [f"Emergency: {emergency}"]
                + _crisis_bullets(country)
                + [poison]
                + ([country.treatment.render()] if country.treatment else [])
            )
            + f"\n{NOT_A_CRISIS_SERVICE} To see the numbers for another country, tell me where you are "
            '(for example, "I\'m in the UK").'
        ),
        "utter_session_notice": (
            "A note on what I am: an automated information assistant, not a clinician and not a crisis service. "
            f"If you might be in danger, call {emergency}, or reach {crisis.name} ({crisis.contact})."
        ),
        "utter_greet": (
            "Hi. I'm an automated assistant with information about clonazepam (Klonopin) and other "
            "benzodiazepines: side effects, withdrawal and how long it lasts, and the levels of care. "
            "I'm not a clinician or a crisis service — if you might be in danger, call "
            f"{emergency}, or reach {crisis.name} ({crisis.contact}). What would you like to know?"
        ),
        "utter_bot_challenge": (
            "I'm a bot — an automated assistant, not a person, a clinician or a crisis service. "
            f"To talk to a person right now: {crisis.name} ({crisis.contact}), or {emergency} in an emergency."
        ),
        "utter_country_set": (
            f"Thanks — I'll show helplines for {country.name}. The emergency number there is {emergency}."
        ),
        "utter_crisis_pet_ingestion": (
            "If your pet may have eaten benzodiazepine pills, please act now: call your vet or the nearest "
            "emergency vet, even if your pet seems fine for the moment. Have the pill bottle with you so you can say "
            "what it was and how much might be missing.\n"
            + _bullets(
                ([country.animal_poison.render()] if country.animal_poison else [])
                + [f"If a person may have taken some too: {poison}, or {emergency} if they are hard to wake."]
            )
        ),
        "utter_crisis_danger_now": (
            f"Please call {emergency} now and tell them what is happening — they can send help and guide you until "
            f"it arrives. If someone may have taken too much or mixed drugs, {poison} can also advise. "
            "If you are with the person, stay with them if it is safe for you. " + NOT_A_CRISIS_SERVICE
        ),
        # An emergency still going on after its reply ("911 is on the way, what do I do?"): what to do until help
        # arrives. The dispatcher, who can hear what is happening, gives the first-aid steps.
        "utter_emergency_help_coming": (
            "You did the right thing calling. Until help arrives:\n"
            + _bullets(
                [
                    "Stay with the person and keep the line open if you can: the dispatcher will tell you what to do, "
                    "step by step, including how to lay them if they are breathing but won't wake up.",
                    "Watch their breathing. Don't give them anything to eat, drink or take, and don't try to make "
                    "them vomit.",
                    "Keep the pill bottle or packaging to show the paramedics.",
                    f"If they get worse — breathing slows or stops, a seizure, lips turning blue — call {emergency} "
                    "again right away and tell them.",
                ]
            )
            + f"\n{NOT_A_CRISIS_SERVICE}"
        ),
        # The signs easing after an emergency reply, or a professional's advice to watch at home, with a question:
        # "do we still need to go?" A clinician who sees the person decides that, not this assistant.
        "utter_emergency_still_go": (
            "Please still get them checked now, even if things seem calmer: only a clinician who can see them can "
            "say it is safe to stay home.\n"
            + _bullets(
                [
                    f"Call {emergency}, or go to the nearest emergency department.",
                    "If a poison line or a nurse has already advised you, follow what they said, and call them "
                    f"back if anything changes ({poison}).",
                    f"Call {emergency} at once if breathing slows, they are hard to wake, they have a seizure or chest "
                    "pain, or their lips turn blue or gray.",
                ]
            )
            + f"\n{NOT_A_CRISIS_SERVICE}"
        ),
        "utter_ask_direct_suicide": (
            "I want to ask you directly, because it matters: are you thinking about ending your life? "
            "Whatever the answer, you can tell me. If you are, or you're not sure, "
            f"{crisis.name} is there right now ({crisis.contact}), and {emergency} if you might act on it soon."
        ),
        "utter_ask_direct_danger": (
            "Before anything else: is someone in danger right now — you, or someone with you? "
            f"If so, call {emergency} now. If someone may have taken too much, {poison}."
        ),
        "utter_ask_direct_thanks": (
            "Thank you for answering — I'm glad. If that changes, "
            f"{crisis.name} is there any time ({crisis.contact}), and {emergency} in an emergency. "
            "What would you like to know?"
        ),
        **spanish_replies(country),
    }
    return replies


def _spanish_crisis_line(country: CountryHelplines) -> str:
    line = country.crisis_spanish or country.crisis
    return line.render()


def spanish_replies(country: CountryHelplines) -> Dict[str, str]:
    """The crisis replies in Spanish, for a risk stated in Spanish (the lines are the country's own)."""
    emergency = country.emergency
    poison = country.poison.render()
    crisis_line = _spanish_crisis_line(country)
    return {
        "utter_crisis_es_suicide": (
            "Gracias por contármelo; no tienes que pasar por esto a solas. Por favor, habla ahora con una persona, "
            "por ti o por la persona que te preocupa:\n"
            + _bullets([crisis_line, f"Si alguien podría actuar pronto o está en peligro ahora mismo, llama al {emergency}."])
            + f"\n{NOT_A_CRISIS_SERVICE_ES}"
        ),
        "utter_crisis_es_harm_others": (
            f"Parece que alguien podría salir lastimado. Si alguien está en peligro inmediato, tú también, llama "
            f"al {emergency} ahora.\n" + _bullets([f"{crisis_line} — para hablar con una persona capacitada"])
            + f"\n{NOT_A_CRISIS_SERVICE_ES}"
        ),
        "utter_crisis_es_poisoning": (
            "Esto puede ser una sobredosis o una mezcla peligrosa; por favor, actúa ahora.\n"
            + _bullets(
                [
                    f"Llama al {emergency} si la persona cuesta despertarla, respira despacio o tiene los labios "
                    "azules o grises.",
                    f"{poison} — te orientan sobre qué hacer (piden un intérprete si lo necesitas).",
                ]
            )
            + f"\nQuédate con la persona. {NOT_A_CRISIS_SERVICE_ES}"
        ),
        "utter_crisis_es_medical_emergency": (
            f"Esto necesita ayuda de emergencia ahora: llama al {emergency} o pide a alguien cercano que llame. "
            "Una convulsión, dificultad para respirar, dolor en el pecho, confusión o alucinaciones, o fiebre alta "
            "durante la abstinencia pueden poner la vida en peligro. Quédate con la persona hasta que llegue ayuda. "
            + NOT_A_CRISIS_SERVICE_ES
        ),
        "utter_crisis_es_pet": (
            "Si tu mascota pudo haber comido pastillas, llama ahora a tu veterinario o a una clínica veterinaria de "
            "urgencias, aunque parezca estar bien. Ten a mano el frasco para decir qué era y cuánto falta."
            + (f"\n• {country.animal_poison.render()}" if country.animal_poison else "")
        ),
        "utter_emergency_help_coming_es": (
            "Hiciste bien en llamar. Mientras llega la ayuda:\n"
            + _bullets(
                [
                    "Quédate con la persona y, si puedes, sigue en la línea: la operadora te dirá qué hacer paso a paso, "
                    "también cómo acostarla si respira pero no despierta.",
                    "Vigila su respiración. No le des nada de comer, beber ni tomar, y no intentes que vomite.",
                    "Guarda el frasco o el envase de las pastillas para mostrarlo a los paramédicos.",
                    f"Si empeora (respira más despacio o deja de respirar, convulsiona, los labios se ponen azules), "
                    f"vuelve a llamar al {emergency} enseguida.",
                ]
            )
            + f"\n{NOT_A_CRISIS_SERVICE_ES}"
        ),
        "utter_emergency_still_go_es": (
            "Por favor, que un médico revise a la persona ahora, aunque parezca más tranquila: solo quien la vea "
            "puede decir si es seguro quedarse en casa.\n"
            + _bullets(
                [
                    f"Llama al {emergency} o ve a la sala de urgencias más cercana.",
                    "Si una línea de toxicología o una enfermera ya te aconsejó, sigue sus indicaciones y vuelve a "
                    f"llamar si algo cambia ({poison}).",
                    f"Llama al {emergency} enseguida si respira más despacio, cuesta despertarla, tiene una "
                    "convulsión o dolor en el pecho, o se le ponen los labios azules o grises.",
                ]
            )
            + f"\n{NOT_A_CRISIS_SERVICE_ES}"
        ),
        "utter_ask_safe_now_es": "¿Estás a salvo ahora mismo?",
        "utter_spanish_note": (
            "Por ahora solo tengo esta información en inglés. Soy un asistente automático, no un servicio de "
            f"emergencias: si tú o alguien más está en peligro, llama al {emergency}. Para hablar con una persona: "
            f"{crisis_line}."
        ),
        "utter_ask_direct_es_suicide": (
            "Quiero preguntarte directamente, porque importa: ¿estás pensando en quitarte la vida? Puedes "
            f"decírmelo. Si es así, o no estás seguro, llama ahora: {crisis_line}. Y al {emergency} si podrías "
            "actuar pronto."
        ),
        "utter_ask_direct_es_danger": (
            f"Antes que nada: ¿hay alguien en peligro ahora mismo, tú o alguien contigo? Si es así, llama al "
            f"{emergency} ahora. Si alguien pudo tomar demasiado: {poison}."
        ),
    }


BUTTONS: Dict[str, List[Dict[str, str]]] = {
    "utter_ask_safe_now": SAFE_BUTTONS,
    "utter_safety_recheck": SAFE_BUTTONS,
    "utter_safety_checkin": SAFE_BUTTONS,
    "utter_ask_direct_suicide": YES_NO_BUTTONS,
    "utter_ask_direct_danger": YES_NO_BUTTONS,
    "utter_ask_safe_now_es": SAFE_BUTTONS_ES,
    "utter_ask_direct_es_suicide": YES_NO_BUTTONS_ES,
    "utter_ask_direct_es_danger": YES_NO_BUTTONS_ES,
}


def truncation_notice() -> str:
    """Told when a message was longer than the classifier reads."""
    return (
        f"Your message was long, so I read only its first {MAX_MESSAGE_CHARS:,} characters. "
        "If I missed your question, please send it on its own."
    )
