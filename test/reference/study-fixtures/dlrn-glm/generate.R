# Reference numbers for test/reference/study-dlrn-r.test.ts, from table.csv (the DLRN design exported by a
# dlrn study: DLR signature + clinical variables, per patient and cohort).
# R 4.2.2, stats::glm and pROC 1.18.0 (Debian r-base-core, r-cran-proc). Run: Rscript generate.R > expected.json
suppressMessages(library(pROC))
d <- read.csv("table.csv", stringsAsFactors = FALSE)
d$sex <- relevel(factor(d$sex), ref = "M")
ctl <- glm.control(epsilon = 1e-14, maxit = 100)
tr <- d[d$cohort == "training", ]
te <- d[d$cohort == "external_test", ]

num <- function(x) {
  if (length(x) == 0) return("[]")
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "\"Inf\"", "\"-Inf\""), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ","), "]")
}
str <- function(x) paste0("[", paste0("\"", x, "\"", collapse = ","), "]")
obj <- function(...) {
  a <- list(...)
  paste0("{", paste0("\"", names(a), "\":", unlist(a), collapse = ","), "}")
}
glm_block <- function(f) {
  s <- summary(f)$coefficients
  obj(terms = str(rownames(s)), estimate = num(s[, 1]), std_error = num(s[, 2]), z_value = num(s[, 3]), p_value = num(s[, 4]),
      deviance = num(f$deviance), aic = num(f$aic), iterations = num(f$iter))
}
roc_block <- function(y, p) {
  r <- roc(y, p, levels = c(0, 1), direction = "<", quiet = TRUE)
  ci <- ci.auc(r, method = "delong", conf.level = 0.95)
  obj(auc = num(as.numeric(auc(r))), delong_var = num(var(r, method = "delong")), ci_lower = num(ci[1]), ci_upper = num(ci[3]))
}

# univariate logistic regression of each clinical variable (training)
uni <- lapply(c("age", "epilepsy", "sex"), function(v) glm(as.formula(paste("outcome ~", v)), binomial, tr, control = ctl))
names(uni) <- c("age", "epilepsy", "sex")
p_uni <- sapply(uni, function(f) summary(f)$coefficients[2, 4])
entered <- names(p_uni)[p_uni < 0.05]
multi <- glm(as.formula(paste("outcome ~", paste(entered, collapse = " + "))), binomial, tr, control = ctl)
p_multi <- summary(multi)$coefficients[-1, 4]
selected <- entered[p_multi < 0.05]

# the DLRN: signature + selected clinical variables
dlrn <- glm(as.formula(paste("outcome ~", paste(c("dlr_signature", selected), collapse = " + "))), binomial, tr, control = ctl)
p_tr <- predict(dlrn, tr, type = "response")
p_te <- predict(dlrn, te, type = "response")
r_tr <- roc(tr$outcome, p_tr, levels = c(0, 1), direction = "<", quiet = TRUE)
youden <- coords(r_tr, "best", best.method = "youden", ret = "threshold", transpose = FALSE)$threshold

cat(obj(
  meta = obj(r = str(R.version.string), pROC = str(as.character(packageVersion("pROC"))), input = str("table.csv"),
             call = str("glm(outcome ~ dlr_signature + selected, binomial, control = glm.control(epsilon = 1e-14, maxit = 100)); pROC::roc(levels = c(0, 1), direction = '<'), ci.auc(method = 'delong')")),
  clinical = obj(univariate_p = obj(age = num(p_uni["age"]), epilepsy = num(p_uni["epilepsy"]), sex = num(p_uni["sex"])),
                 univariate_sex = glm_block(uni$sex), entered = str(entered),
                 multivariable = glm_block(multi), selected = str(selected)),
  glm_dlrn = glm_block(dlrn),
  predictions = obj(training = num(unname(p_tr)), external_test = num(unname(p_te))),
  roc_training = roc_block(tr$outcome, p_tr),
  roc_external_test = roc_block(te$outcome, p_te),
  youden_thresholds_training = num(youden)
), "\n")
