print("rolebook-bench")
