from haven.finance.bank.models import PaymentDetails as PaymentDetails
from haven.finance.forecasts.models import Budget, CostCentre  # noqa: F401
from haven.finance.invoices.models import Invoice, InvoiceLine  # noqa: F401
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
from haven.finance.oneoff.models import OneOffPayment as OneOffPayment

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
