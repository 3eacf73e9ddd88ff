from django.conf import settings


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "demo_mode": settings.DEMO_MODE,
        "contact_email": settings.CONTACT_EMAIL,
        "admin_path": settings.ADMIN_PATH,
    }
