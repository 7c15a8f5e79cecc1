print("tormem")
