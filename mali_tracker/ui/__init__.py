"""What pages share, one module per job: cache (connection, queries, figures), sidebar (the
filters and the URL), chrome (page setup, messages, footer)."""
