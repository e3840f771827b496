from haven.finance.models.balances import ProviderBalance
from haven.finance.models.rates import (
    AgeBand,
    CarerFeeLevel,
    FeeLevel,
    FeeRate,
    FosteringAllowance,
    ProviderRate,
)
from haven.finance.models.runs import (
    Frequency,
    PaymentFrequency,
    PaymentLine,
    PaymentRun,
    RunLock,
)

__all__ = [
    "AgeBand",
    "CarerFeeLevel",
    "FeeLevel",
    "FeeRate",
    "FosteringAllowance",
    "Frequency",
    "PaymentFrequency",
    "PaymentLine",
    "PaymentRun",
    "ProviderBalance",
    "ProviderRate",
    "RunLock",
]
