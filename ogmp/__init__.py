"""ogmp: assess Open Government and Meaningful Participation (OGMP) maturity.

The package is a library with a command line on top (`ogmp.cli`). Loading,
checking and scoring never print; the CLI turns results and errors into text.
"""

__version__ = "0.1.0"
