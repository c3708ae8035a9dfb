"""Reads every list and record each demo account may read, through the generated Python client.

Every list operation (an operation whose answer is a page) is called with its required parameters taken from
what was read before (a contract's id, a period); every record operation (GET …/{id}) is called with the ids the
lists gave. A 403 or 404 is the API saying no, and is fine; a deserialisation error, a 5xx or a 4xx the caller did
not ask for is a failure. Prints a summary and exits 1 on any failure.
"""
import inspect
import sys

import carespec_client
from carespec_client.exceptions import ApiException

BASE, PASSWORD = sys.argv[1], sys.argv[2]
ACCOUNTS = [f"{role}@{tenant}.demo" for tenant in ("kirklees", "dorset")
            for role in ("admin", "commissioner", "manager", "practitioner", "volunteer")] + ["operator@carespec.demo"]
API_CLASSES = [getattr(carespec_client, name) for name in dir(carespec_client) if name.endswith("Api")
               and inspect.isclass(getattr(carespec_client, name)) and name not in ("ApiClient",)]
PERIOD = "2026-27-Q2"


def client(token=None):
    configuration = carespec_client.Configuration(host=BASE)
    if token:
        configuration.access_token = token
    return carespec_client.ApiClient(configuration)


def operations(api):
    for name, method in inspect.getmembers(api, inspect.ismethod):
        if name.startswith("_") or name.endswith("_with_http_info") or name.endswith("_without_preload_content"):
            continue
        yield name, method


def main():
    calls, failures, refused, read = 0, [], 0, set()
    for account in ACCOUNTS:
        try:
            signed = carespec_client.IdentityApi(client()).login(
                carespec_client.LoginCommand(username=account, password=PASSWORD))
        except ApiException as e:
            failures.append(f"{account}: cannot sign in ({e.status})")
            continue
        c = client(signed.access_token)
        ids = {}
        # Lists first (no path parameter but what earlier lists gave), then records by id.
        for round_ in ("list", "list", "get"):  # twice: some lists need an id that a later list gives
            for cls in API_CLASSES:
                api = cls(c)
                for name, method in operations(api):
                    if not name.startswith(round_) and not (round_ == "list" and name in ("get_me",)):
                        continue
                    params = [p for p in inspect.signature(method).parameters.values()
                              if p.default is inspect.Parameter.empty and p.kind == p.POSITIONAL_OR_KEYWORD]
                    kwargs = {}
                    for p in params:
                        key = p.name
                        if key == "period":
                            kwargs[key] = PERIOD
                        elif key in ids:
                            kwargs[key] = ids[key]
                        elif key == "id" and name.replace("get_", "") in ids:
                            kwargs[key] = ids[name.replace("get_", "")]
                        else:
                            kwargs = None
                            break
                    if kwargs is None:
                        continue
                    calls += 1
                    try:
                        answer = method(**kwargs)
                    except ApiException as e:
                        if e.status in (403, 404):
                            refused += 1
                            continue
                        failures.append(f"{account} {name}({kwargs}): HTTP {e.status} {e.body[:200] if e.body else ''}")
                        continue
                    except Exception as e:  # a deserialisation error: the document and the answer disagree
                        failures.append(f"{account} {name}({kwargs}): {type(e).__name__}: {str(e)[:400]}")
                        continue
                    read.add(name)
                    items = getattr(answer, "items", None)
                    if items:
                        record = name.replace("list_", "").replace("person_", "")
                        singular = (record[:-3] + "y" if record.endswith("ies")
                                    else record[:-1] if record.endswith("s") else record)
                        first = items[0]
                        for field in ("id", "contract_id"):
                            value = getattr(first, field, None)
                            if value is not None:
                                key = singular if field == "id" else "contract_id"
                                ids.setdefault(key, str(value))
                        if record == "contracts":
                            ids.setdefault("contract_id", str(first.id))
                        if record == "modules":
                            ids.setdefault("module_id", str(first.id))
                        if record == "persons":
                            ids.setdefault("person_id", str(first.id))
                        if record == "referrals":
                            ids.setdefault("referral", str(first.id))
    print(f"{calls} calls as {len(ACCOUNTS)} accounts; {refused} refused (403/404) as designed; "
          f"{len(failures)} failures")
    print("operations answered and deserialised:", ", ".join(sorted(read)))
    for f in failures:
        print("  FAIL", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
