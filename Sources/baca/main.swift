print("baca")
