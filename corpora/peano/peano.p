%------------------------------------------------------------------------------
% File     : peano.p
% Domain   : Arithmetic (Peano)
% Problem  : Axioms of 0, successor, addition and multiplication on ℕ
% Comments : Input for `entail explore corpora/peano` (the Generative-Logic
%            explorer). The induction principle is not an axiom here: it comes
%            from the inductive type declaration in nat.ind.
%------------------------------------------------------------------------------
fof(plus_zero, axiom, ![X]: plus(X, zero) = X).
fof(plus_succ, axiom, ![X, Y]: plus(X, s(Y)) = s(plus(X, Y))).
fof(times_zero, axiom, ![X]: times(X, zero) = zero).
fof(times_succ, axiom, ![X, Y]: times(X, s(Y)) = plus(times(X, Y), X)).
fof(succ_not_zero, axiom, ![X]: s(X) != zero).
fof(succ_injective, axiom, ![X, Y]: (s(X) = s(Y) => X = Y)).
