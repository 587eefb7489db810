"""Signs or verifies an HS256 JWT with PyJWT for the C++ interop test.

Reads one JSON object from stdin and writes one to stdout:
  {"mode": "verify", "token", "secret_hex", "issuer", "audience"}
      -> {"header": {...}, "claims": {...}}
  {"mode": "sign", "secret_hex", "kid", "claims"} -> {"token": "..."}
"""
import json
import sys

import jwt


def main():
    request = json.load(sys.stdin)
    secret = bytes.fromhex(request["secret_hex"])
    if request["mode"] == "verify":
        token = request["token"]
        claims = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            audience=request["audience"],
            issuer=request["issuer"],
            options={"require": ["exp", "iat", "iss", "aud", "sub"]},
        )
        json.dump({"header": jwt.get_unverified_header(token),
                   "claims": claims}, sys.stdout)
    else:
        token = jwt.encode(request["claims"], secret, algorithm="HS256",
                           headers={"kid": request["kid"]})
        json.dump({"token": token}, sys.stdout)


if __name__ == "__main__":
    main()
