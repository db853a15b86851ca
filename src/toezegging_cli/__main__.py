from toezegging_cli.cli import main

main()
