from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "kb.letters"
    verbose_name = "文书助手"  # the editorial groups' permissions on letters: kb/editorial/roles.py
