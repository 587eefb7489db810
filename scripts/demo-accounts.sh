# The demo's logins, shared by scripts/demo and scripts/demo-data. They
# are printed by the demo and protect nothing but local sample data.
DEMO_ADMIN_EMAIL="admin@example.com"
DEMO_ADMIN_PASSWORD="demo admin password"
DEMO_MERCHANT_EMAIL="merchant@example.com"
DEMO_MERCHANT_PASSWORD="demo merchant password"
