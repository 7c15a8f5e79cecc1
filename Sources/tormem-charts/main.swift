print("tormem-charts")
