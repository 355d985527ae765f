# AWS service models (npm aws-sdk, pinned; generated into models/generated, not committed).
"$root/scripts/models" || return 1
