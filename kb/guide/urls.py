from django.urls import path

from kb.guide import views

app_name = "guide"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:slug>/", views.tree, name="tree"),
    path("<slug:slug>/feedback/", views.feedback, name="feedback"),
    path("<slug:slug>/feedback/thanks/", views.feedback_thanks, name="feedback-thanks"),
]
