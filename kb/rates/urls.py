from django.urls import path

from kb.rates import views

app_name = "rates"

urlpatterns = [
    path("tools/rate/", views.rate, name="rate"),
    path("api/rate/", views.api, name="api"),
]
