"""``python -m cchc``: the same as the ``cchc`` command."""

from cchc.cli import main

if __name__ == "__main__":
    main()
