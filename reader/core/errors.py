"""Errors a user can meet; their message is meant for people, not for a traceback."""


class ReaderError(Exception):
    """A problem with the user's input or environment, told in plain words."""


class ConfigError(ReaderError):
    pass
