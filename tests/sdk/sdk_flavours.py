"""The three official Python SDK flavours, pointed at a local endpoint (plain http by default, or
https trusting a given CA), behind one small interface so that one test body drives all of them:

* ``tea-v3``: ``alibabacloud_vpc20160428`` on ``alibabacloud_tea_openapi`` (ACS3-HMAC-SHA256, the default);
* ``tea-v2``: the same client with ``signature_algorithm="v2"`` (RPC HMAC-SHA1);
* ``classic``: ``aliyun-python-sdk-core`` ``AcsClient`` with ``aliyun-python-sdk-vpc`` request classes.

Every call goes through the SDK's typed API (Tea request/response models, classic request classes
and their setters), never a hand-built request. A reply carries the response as the wire's JSON
object and, for Tea, the SDK's response model. Failures become one ``ApiFailure``.
"""

from __future__ import annotations

import importlib
import json
import re
import typing
from dataclasses import dataclass
from typing import Any

from alibabacloud_tea_openapi import exceptions as tea_exceptions
from alibabacloud_tea_openapi import utils_models as tea_config
from alibabacloud_vpc20160428 import models as vpc_models
from alibabacloud_vpc20160428.client import Client as TeaVpcClient
from aliyunsdkcore.acs_exception import exceptions as classic_exceptions
from aliyunsdkcore.auth.credentials import StsTokenCredential
from aliyunsdkcore.client import AcsClient
from darabonba.model import DaraModel
from darabonba.runtime import RuntimeOptions

FLAVOURS = ["tea-v3", "tea-v2", "classic"]


class ApiFailure(Exception):
    def __init__(self, flavour: str, status: int | None, code: str, message: str, request_id: str | None,
                 body: dict[str, Any] | None = None):
        super().__init__(f"[{flavour}] HTTP {status} {code}: {message} (RequestId {request_id})")
        self.flavour = flavour
        self.body = body  # the error body as the SDK parsed it (Tea only; the classic SDK drops it)
        self.status = status
        self.code = code
        self.message = message
        self.request_id = request_id


@dataclass
class Reply:
    data: dict[str, Any]  # the response body as JSON, wire names
    model: DaraModel | None  # the Tea response body model (None for the classic SDK)


def snake_case(action: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()


class TeaFlavour:
    def __init__(self, name: str, hostport: str, region: str, *, access_key_id=None,
                 access_key_secret=None, security_token=None, credential=None, protocol="http",
                 ca=None):
        config = tea_config.Config(
            access_key_id=access_key_id,
            access_key_secret=access_key_secret,
            security_token=security_token,
            credential=credential,
            endpoint=hostport,
            protocol=protocol,
            # The Tea SDK's own CA setting (also in RuntimeOptions): requests' `verify`.
            ca=ca,
            region_id=region,
            signature_algorithm="v2" if name == "tea-v2" else None,
            read_timeout=60000,
            connect_timeout=10000,
        )
        self.name = name
        self.client = TeaVpcClient(config)

    def call(self, action: str, params: dict[str, Any]) -> Reply:
        request = getattr(vpc_models, f"{action}Request")().from_map(dict(params))
        # from_map ignores names the model does not know: make sure none was dropped. (to_map
        # renders absent list parameters as [].)
        rendered = {k: v for k, v in request.to_map().items() if v != [] or k in params}
        assert rendered == params, f"{action}Request does not take {params}"
        method = getattr(self.client, f"{snake_case(action)}_with_options")
        try:
            response = method(request, RuntimeOptions())
        except tea_exceptions.AlibabaCloudException as e:
            raise ApiFailure(self.name, e.status_code, e.code, e.message, e.request_id, e.data) from e
        assert response.status_code == 200
        return Reply(data=response.body.to_map(), model=response.body)


class ClassicFlavour:
    def __init__(self, hostport: str, region: str, *, access_key_id=None, access_key_secret=None,
                 security_token=None, protocol="http", ca=None):
        host, _, port = hostport.rpartition(":")
        self.name = "classic"
        self.host = host
        self.region = region
        self.protocol = protocol
        kwargs = dict(region_id=region, port=int(port), auto_retry=False, timeout=60, connect_timeout=10)
        if ca is not None:
            # The classic SDK's CA setting: requests' `verify` (else env ALIBABA_CLOUD_CA_BUNDLE).
            kwargs["verify"] = ca
        if security_token is not None:
            kwargs["credential"] = StsTokenCredential(access_key_id, access_key_secret, security_token)
        else:
            kwargs.update(ak=access_key_id, secret=access_key_secret)
        self.client = AcsClient(**kwargs)

    def call(self, action: str, params: dict[str, Any]) -> Reply:
        module = importlib.import_module(f"aliyunsdkvpc.request.v20160428.{action}Request")
        request = getattr(module, f"{action}Request")()
        request.set_endpoint(self.host)
        request.set_protocol_type(self.protocol)
        for name, value in params.items():
            if name == "RegionId":
                # The classic core adds RegionId from the client's region itself; the request
                # classes have no setter for it.
                if value != self.region:
                    request.add_query_param("RegionId", value)
                continue
            # RepeatList parameters (Filter.N.Key, ...) have a plural setter in the classic SDK.
            setter = getattr(request, f"set_{name}", None) or getattr(request, f"set_{name}s", None)
            assert setter is not None, f"the classic {action}Request has no parameter {name}"
            setter(value)
        try:
            body = self.client.do_action_with_exception(request)
        except classic_exceptions.ServerException as e:
            raise ApiFailure(self.name, e.get_http_status(), e.get_error_code(), e.get_error_msg(),
                             e.get_request_id()) from e
        return Reply(data=json.loads(body), model=None)


def make_flavour(name: str, hostport: str, region: str, access_key_id: str, access_key_secret: str,
                 security_token: str | None = None, *, protocol: str = "http", ca: str | None = None):
    """`protocol="https"` with `ca` (a PEM file) calls an HTTPS endpoint trusting that CA."""
    if name == "classic":
        return ClassicFlavour(hostport, region, access_key_id=access_key_id,
                              access_key_secret=access_key_secret, security_token=security_token,
                              protocol=protocol, ca=ca)
    return TeaFlavour(name, hostport, region, access_key_id=access_key_id,
                      access_key_secret=access_key_secret, security_token=security_token,
                      protocol=protocol, ca=ca)


# --- checking a response against the official SDK's model -------------------------------------

def _hints(model_class: type) -> dict[str, Any]:
    module = importlib.import_module(model_class.__module__)
    return typing.get_type_hints(model_class.__init__, vars(module))


def _check_value(path: str, value: Any, hint: Any, problems: list[str]) -> None:
    origin = typing.get_origin(hint)
    if origin in (list, typing.List):
        (item_hint,) = typing.get_args(hint)
        if not isinstance(value, list):
            problems.append(f"{path}: expected a list, got {type(value).__name__} {value!r}")
            return
        for i, item in enumerate(value):
            _check_value(f"{path}[{i}]", item, item_hint, problems)
        return
    if isinstance(hint, type) and issubclass(hint, DaraModel):
        if not isinstance(value, hint):
            problems.append(f"{path}: expected {hint.__name__}, got {type(value).__name__}")
            return
        check_model_types(value, path, problems)
        return
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif hint is float:
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif hint in (str, bool):
        ok = isinstance(value, hint)
    elif hint is typing.Any:
        ok = True
    elif origin is dict:
        ok = isinstance(value, dict)
    else:
        problems.append(f"{path}: unhandled declared type {hint!r}")
        return
    if not ok:
        problems.append(f"{path}: the SDK declares {getattr(hint, '__name__', hint)}, got "
                        f"{type(value).__name__} {value!r}")


def check_model_types(model: DaraModel, path: str = "", problems: list[str] | None = None) -> list[str]:
    """Every attribute of a Tea model (recursively) has the Python type the SDK declares for it."""
    problems = [] if problems is None else problems
    for name, hint in _hints(type(model)).items():
        value = getattr(model, name, None)
        if value is not None:
            _check_value(f"{path}.{name}" if path else name, value, hint, problems)
    return problems


def missing_fields(model: DaraModel, path: str = "") -> list[str]:
    """The fields the SDK model declares that the response left out (recursively)."""
    out = []
    for name in _hints(type(model)):
        value = getattr(model, name, None)
        where = f"{path}.{name}" if path else name
        if value is None:
            out.append(where)
        elif isinstance(value, DaraModel):
            out += missing_fields(value, where)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, DaraModel):
                    out += missing_fields(item, f"{where}[{i}]")
    return out


def assert_matches_sdk_model(action: str, reply: Reply) -> DaraModel:
    """The response uses exactly the field names of the official SDK's model, with its types.

    The wire JSON must survive the model unchanged (``from_map`` then ``to_map``): a field the SDK
    does not know, or a misspelt one, would be dropped and show up here.
    """
    model_class = getattr(vpc_models, f"{action}ResponseBody")
    model = reply.model if reply.model is not None else model_class().from_map(reply.data)
    assert isinstance(model, model_class)
    if reply.model is None:
        assert model.to_map() == reply.data, (
            f"{action}: the response has fields the SDK model does not know:\n"
            f"wire:  {json.dumps(reply.data, sort_keys=True)}\n"
            f"model: {json.dumps(model.to_map(), sort_keys=True)}"
        )
    problems = check_model_types(model)
    assert not problems, f"{action}: types differ from the SDK model:\n  " + "\n  ".join(problems)
    return model
