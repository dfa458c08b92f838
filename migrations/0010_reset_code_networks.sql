-- Wrong reset codes per address and network (issue 30): a network's fifth wrong code stops that network only,
-- while reset_code_failures keeps the address's total (the code dies at 20). The network is the client's
-- address, or its /64 for IPv6 (core/client-info.ts clientNetwork). Cleared with the address's count.
CREATE TABLE reset_code_network_failures (
  email_key TEXT NOT NULL,
  network   TEXT NOT NULL,
  failures  INTEGER NOT NULL,
  since     INTEGER NOT NULL,
  PRIMARY KEY (email_key, network)
) WITHOUT ROWID;
