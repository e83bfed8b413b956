"""The one exception type our machinery raises for a maintainer to read."""


class CourseBuildError(Exception):
    """A mistake in the site's sources that must stop the build.

    The message is written for the maintainer who made the mistake: it names
    the file (and line where known), says what is wrong and how to fix it.
    Hook adapters turn it into MkDocs' ``PluginError`` so that no traceback
    of our own code is printed.
    """
