"""Every response tells the browser to switch off the features SOARS never uses."""

import pytest

pytestmark = pytest.mark.django_db

NEVER_USED = ("camera", "microphone", "geolocation", "payment", "usb")


def switched_off(response) -> set[str]:
    return {item.strip().removesuffix("=()") for item in response["Permissions-Policy"].split(",")}


def test_a_public_page_switches_off_camera_microphone_location_payment_and_usb(client):
    response = client.get("/")
    assert response.status_code == 200
    assert switched_off(response) >= set(NEVER_USED)


def test_a_signed_in_page_switches_them_off_too(client_as, personas):
    response = client_as(personas.hr_a).get("/hr/")
    assert response.status_code == 200
    assert switched_off(response) >= set(NEVER_USED)


def test_redirects_and_errors_carry_it_as_well(client):
    assert "camera=()" in client.get("/executive/")["Permissions-Policy"]  # the sign-in redirect
    assert "camera=()" in client.get("/no/such/page/")["Permissions-Policy"]
