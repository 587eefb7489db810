-- GET one page of the public catalog. run.sh sets SHOPKIT_PATH to
-- /api/v1/stores/HANDLE/products?limit=20.
wrk.method = "GET"
wrk.path = os.getenv("SHOPKIT_PATH")
