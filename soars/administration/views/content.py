"""Site administrators: the /manage/ home, What's New posts and Contact Us messages."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from soars.audit.log import record
from soars.core.access import roles
from soars.core.models import ContactMessage, WhatsNewPost


@roles("admin")
def manage_home(request):
    return render(request, "administration/manage_home.html")


class WhatsNewForm(forms.ModelForm):
    class Meta:
        model = WhatsNewPost
        fields = ["title", "body", "published_at"]
        labels = {"published_at": "Publish at"}
        help_texts = {"published_at": "For example 2026-12-01 09:00. A future time keeps the post hidden until then."}
        widgets = {"body": forms.Textarea(attrs={"rows": 10})}


@roles("admin")
def whats_new_list(request):
    page = Paginator(WhatsNewPost.objects.order_by("-published_at"), 20).get_page(request.GET.get("page"))
    return render(request, "administration/whats_new_list.html", {"page": page})


@roles("admin")
def whats_new_edit(request, pk: int | None = None):
    post = get_object_or_404(WhatsNewPost, pk=pk) if pk else None
    form = WhatsNewForm(request.POST if request.method == "POST" else None, instance=post)
    if request.method == "POST" and form.is_valid():
        post = form.save(commit=False)
        if post.created_by_id is None:
            post.created_by = request.user
        post.save()
        record("whats_new.saved", request=request, obj=post)
        messages.success(request, f"“{post.title}” is saved.")
        return redirect("administration:whats_new")
    return render(request, "administration/whats_new_edit.html", {"form": form, "post": post})


@roles("admin")
def whats_new_delete(request, pk: int):
    post = get_object_or_404(WhatsNewPost, pk=pk)
    if request.method == "POST":
        record("whats_new.deleted", request=request, obj=post)
        post.delete()
        messages.success(request, f"“{post.title}” is deleted.")
        return redirect("administration:whats_new")
    return render(request, "administration/whats_new_delete.html", {"post": post})


@roles("admin")
def message_list(request):
    show = request.GET.get("show", "unread")
    qs = ContactMessage.objects.all()
    if show == "unread":
        qs = qs.filter(is_read=False)
    topic = request.GET.get("topic", "")
    if topic in ContactMessage.Topic.values:
        qs = qs.filter(topic=topic)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "administration/message_list.html",
        {
            "page": page,
            "show": show,
            "topic": topic,
            "topics": ContactMessage.Topic.choices,
            "query_string": f"show={show}&topic={topic}",
        },
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label="Your reply",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="Emailed to the sender from SOARS, with their message quoted below it, and kept here.",
    )

    def clean_text(self):
        text = self.cleaned_data["text"].replace("\r\n", "\n").strip()
        if not text:
            raise forms.ValidationError("Write the reply before sending it.")
        return text


@roles("admin")
@never_cache
def message_detail(request, pk: int):
    message = get_object_or_404(ContactMessage, pk=pk)
    form = ReplyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        message.reply(form.cleaned_data["text"], by=request.user)
        messages.success(request, f"Your reply is on its way to {message.email}.")
        return redirect("administration:message", pk=message.pk)
    replies = message.replies.select_related("sent_by")
    return render(request, "administration/message_detail.html", {"message": message, "form": form, "replies": replies})


@roles("admin")
@require_POST
def message_mark(request, pk: int):
    message = get_object_or_404(ContactMessage, pk=pk)
    message.is_read = request.POST.get("read") == "1"
    message.save(update_fields=["is_read"])
    return redirect("administration:messages")
