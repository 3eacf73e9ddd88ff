from __future__ import annotations

from django import forms
from django.conf import settings

from soars.core.models import ContactMessage


class ContactForm(forms.ModelForm):
    class Meta:
        model = ContactMessage
        fields = ["name", "email", "topic", "message"]
        labels = {"name": "Your name", "email": "Your email address", "message": "Your message"}
        help_texts = {"message": "Up to 5,000 characters. Please do not include a Social Security number."}
        widgets = {"message": forms.Textarea(attrs={"rows": 8, "maxlength": 5000})}
        error_messages = {
            "name": {"required": "Enter your name."},
            "email": {
                "required": "Enter your email address so we can answer.",
                "invalid": "Enter an email address like name@agency.gov.",
            },
            "topic": {"required": "Choose the topic closest to your question."},
            "message": {"required": "Write your message."},
        }

    def __init__(self, *args, client_address: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.client_address = client_address

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if len(message) < 10:
            raise forms.ValidationError("Please write at least a sentence so we can help.")
        return message

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and ContactMessage.recent_count_from(email) >= settings.CONTACT_RATE_LIMIT_PER_HOUR:
            raise forms.ValidationError(
                "We have already received several messages from this address in the last hour. "
                "Please wait an hour before writing again; we will answer what you sent."
            )
        address = self.client_address
        if address and ContactMessage.recent_count_from_ip(address) >= settings.CONTACT_RATE_LIMIT_PER_IP_PER_HOUR:
            raise forms.ValidationError(
                "We have received many messages from your network in the last hour. "
                "Please wait an hour before writing again; we will answer what was sent."
            )
        return cleaned

    @property
    def is_bot(self) -> bool:
        # The template adds a "website" input people never see; bots fill it in.
        return bool(self.data.get("website"))
