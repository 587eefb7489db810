-- GET one product of the public catalog. run.sh sets SHOPKIT_PATH to
-- /api/v1/stores/HANDLE/products/PRODUCT_HANDLE.
wrk.method = "GET"
wrk.path = os.getenv("SHOPKIT_PATH")
