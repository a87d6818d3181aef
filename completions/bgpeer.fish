complete --keep-order --exclusive --command bgpeer --arguments "(COMPLETE=fish bgpeer -- (commandline --current-process --tokenize --cut-at-cursor) (commandline --current-token))"
