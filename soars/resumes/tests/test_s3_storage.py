"""Resume files in an S3-compatible store (S3_BUCKET): the same upload, download, text reading,
replacing and removing as on disk, over the S3 protocol to a server on loopback (moto's S3)."""

import uuid

import boto3
import pytest
from django.test import TestCase
from moto.server import ThreadedMotoServer

from soars.core.testing import run_tasks, settings_built_with
from soars.resumes.models import Resume
from soars.resumes.tests.samples import pdf_bytes, upload
from tests.smtp import free_port

pytestmark = pytest.mark.django_db
URL = "/executive/resume/file/"
KEYS = {"AWS_ACCESS_KEY_ID": "soars-test", "AWS_SECRET_ACCESS_KEY": "soars-test-secret", "AWS_MAX_ATTEMPTS": "1"}


@pytest.fixture(scope="module")
def s3_endpoint():
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


def storages_for(bucket: str, endpoint: str, monkeypatch) -> dict:
    """STORAGES as soars.settings builds it from the environment."""
    with settings_built_with(monkeypatch, S3_BUCKET=bucket, S3_ENDPOINT_URL=endpoint, S3_REGION="us-east-1") as loaded:
        return loaded.STORAGES


@pytest.fixture
def bucket(s3_endpoint, settings, monkeypatch):
    """(a client of the store, the bucket's name), with SOARS storing files there."""
    for name, value in KEYS.items():
        monkeypatch.setenv(name, value)
    name = f"soars-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    settings.STORAGES = storages_for(name, s3_endpoint, monkeypatch)
    return client, name


def keys(bucket) -> list[str]:
    client, name = bucket
    return sorted(item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", []))


def post(client, name, content):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(URL, {"file": upload(name, content)})


def test_the_settings_name_the_bucket_and_keep_files_private(bucket):
    storage = Resume._meta.get_field("file").storage
    assert storage.bucket_name == bucket[1]
    assert storage.default_acl is None and storage.querystring_auth and not storage.file_overwrite


def test_an_uploaded_file_goes_to_the_bucket_and_comes_back_as_it_was(bucket, client_as, personas):
    client = client_as(personas.executive)
    content = pdf_bytes("Jordan Example, bucket-stored resume")
    assert post(client, "cv.pdf", content).status_code == 302
    resume = Resume.objects.get(executive=personas.executive)
    assert keys(bucket) == [resume.file.name]
    assert bucket[0].get_object(Bucket=bucket[1], Key=resume.file.name)["Body"].read() == content
    response = client.get("/executive/resume/file/download/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content


@pytest.mark.django_db(transaction=True)
def test_the_text_is_read_from_the_bucket_in_the_background(bucket, reference_data, client_as, personas):
    post(client_as(personas.executive), "cv.pdf", pdf_bytes("Zanzibar logistics turnaround"))
    run_tasks()
    resume = Resume.objects.get(executive=personas.executive)
    assert resume.file_status == Resume.FileStatus.READY
    assert "Zanzibar logistics turnaround" in resume.file_text


def test_replacing_and_removing_delete_the_old_object(bucket, client_as, personas):
    client = client_as(personas.executive)
    post(client, "first.pdf", pdf_bytes("first"))
    first = keys(bucket)
    post(client, "second.pdf", pdf_bytes("second"))
    second = keys(bucket)
    assert len(first) == len(second) == 1 and first != second
    with TestCase.captureOnCommitCallbacks(execute=True):
        assert client.post("/executive/resume/file/remove/").status_code == 302
    assert keys(bucket) == []


def test_a_store_out_of_reach_gives_a_clear_error_and_keeps_the_resume(bucket, client_as, personas, settings):
    client = client_as(personas.executive)
    post(client, "first.pdf", pdf_bytes("first"))
    before = Resume.objects.get(executive=personas.executive)
    unreachable = {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": f"http://127.0.0.1:{free_port()}"}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": unreachable}}
    response = post(client, "second.pdf", pdf_bytes("second"))
    assert response.status_code == 503
    assert "We could not store your file because of a problem on our side" in response.content.decode()
    after = Resume.objects.get(executive=personas.executive)
    assert (after.file.name, after.file_size) == (before.file.name, before.file_size)
    assert keys(bucket) == [before.file.name]


def test_a_file_missing_from_the_bucket_is_a_404(bucket, client_as, personas):
    client = client_as(personas.executive)
    post(client, "cv.pdf", pdf_bytes())
    bucket[0].delete_object(Bucket=bucket[1], Key=Resume.objects.get(executive=personas.executive).file.name)
    assert client.get("/executive/resume/file/download/").status_code == 404


def test_a_download_while_the_store_is_out_of_reach_is_a_friendly_503(bucket, client_as, personas, settings):
    client = client_as(personas.executive)
    post(client, "cv.pdf", pdf_bytes())
    unreachable = {**settings.STORAGES["default"]["OPTIONS"], "endpoint_url": f"http://127.0.0.1:{free_port()}"}
    settings.STORAGES = {**settings.STORAGES, "default": {**settings.STORAGES["default"], "OPTIONS": unreachable}}
    client.raise_request_exception = False
    response = client.get("/executive/resume/file/download/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Our file storage is not answering for a moment" in response.content.decode()
