from cantik.cli import main

raise SystemExit(main())
