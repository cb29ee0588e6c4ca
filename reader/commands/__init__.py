"""Non-interactive subcommands. Each module has ``register(subparsers)`` and
sets ``func`` on its parser; none of them imports Textual."""

# The order is the order of `reader --help`. Add a module here to add a command.
COMMANDS = ('docs', 'add', 'timeline', 'notes', 'entities', 'quotes', 'compare', 'find', 'cache')
