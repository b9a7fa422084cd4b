AND true
