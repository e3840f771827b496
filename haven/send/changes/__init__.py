"""An EHC plan's life after it is issued: amendments (SENDR reg 22), phase
transfers (reg 18), ceasing outside a review (CAFA s45), transfers in and out
(reg 15; SEN2 TransferLA and Exported), and mediation and tribunal appeals
(CAFA s51-55; reg 44)."""
