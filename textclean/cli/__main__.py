import sys

from textclean.cli import main

sys.exit(main())
