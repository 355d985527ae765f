# The AWS CLI (v1) is a reference client in the control-plane and AWS-engine tests; the machine image has it.
if ! command -v aws >/dev/null 2>&1; then
  log "the aws CLI is missing: trying pip install awscli"
  python3 -m pip install -q awscli >/dev/null 2>&1 || { echo "the AWS CLI (pip install awscli) is required by the tests and could not be installed"; return 1; }
fi
