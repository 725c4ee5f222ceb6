"""`python -m policykg` is the same as the `policykg` command."""
from policykg.cli import main

main()
