from django.urls import path

from kb.letters import views

app_name = "letters"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:kind>/", views.letter, name="form"),
    path("<slug:kind>.docx", views.letter, {"docx": True}, name="docx"),
]
