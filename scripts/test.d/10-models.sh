# AWS service models (npm aws-sdk, pinned; generated into models/generated, not committed), with enum values from
# botocore's data; botocore comes with the AWS CLI (15-aws-cli.sh), and is installed here at the CLI's version if missing.
if ! python3 -c 'import botocore' 2>/dev/null; then
  log "botocore is missing: trying pip install botocore==1.43.11 (enum values for the models)"
  python3 -m pip install -q 'botocore==1.43.11' >/dev/null 2>&1 || log "botocore could not be installed: the models stay without enum values"
fi
"$root/scripts/models" || return 1
