"""Social networks: the one table of names and API addresses (networks), what each accepts (limits),
X's weighted count (xcount) and the shared caption renderer (captions).

Nothing is imported here, so `warta.channels.networks` stays importable from every stage (the roster
names its channels from it) without pulling in captions, which read posts."""
