"""Rasa 3.6 graph components of the assistant (registered with the default recipe on import).

config.yml names them by module path, e.g. `bot.components.safety_classifier.SafetyGuardClassifier`.
"""
