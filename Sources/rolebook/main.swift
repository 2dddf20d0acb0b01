import RoleBookCLI

RoleBookCommand.main()
