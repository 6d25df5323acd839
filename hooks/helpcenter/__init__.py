"""Pure logic behind the help center's MkDocs hooks: no MkDocs objects here."""
