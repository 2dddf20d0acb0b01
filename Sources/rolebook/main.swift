import RoleBookCLI

RoleBookCommand.runAndExit()
