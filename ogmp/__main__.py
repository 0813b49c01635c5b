from ogmp.cli import main

main()
