print("helpdesk-demo")
