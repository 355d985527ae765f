# AWS service models for `@aws` commands (npm aws-sdk, pinned; generated once into models/generated).
scripts/models
