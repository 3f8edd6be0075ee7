app_name = "guide"

urlpatterns: list = []
