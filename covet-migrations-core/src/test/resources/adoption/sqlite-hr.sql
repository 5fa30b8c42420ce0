CREATE TABLE department (dept_no CHAR(4) NOT NULL, dept_name VARCHAR(40) NOT NULL UNIQUE, PRIMARY KEY (dept_no))
--;;
CREATE TABLE employee (emp_no INTEGER PRIMARY KEY, birth_date DATE NOT NULL, first_name VARCHAR(14) NOT NULL,
  last_name VARCHAR(16) NOT NULL, gender CHAR(1) NOT NULL CHECK (gender IN ('M', 'F', 'X')),
  manager_no INTEGER REFERENCES employee (emp_no) ON DELETE SET NULL, hire_date DATE NOT NULL DEFAULT CURRENT_DATE)
--;;
CREATE TABLE dept_emp (emp_no INTEGER NOT NULL REFERENCES employee (emp_no) ON DELETE CASCADE,
  dept_no CHAR(4) NOT NULL REFERENCES department (dept_no) ON DELETE CASCADE, from_date DATE NOT NULL, to_date DATE,
  PRIMARY KEY (dept_no, emp_no))
--;;
CREATE TABLE salary (emp_no INTEGER NOT NULL REFERENCES employee (emp_no) ON DELETE CASCADE, from_date DATE NOT NULL,
  amount DECIMAL(10,2) NOT NULL, PRIMARY KEY (emp_no, from_date), CONSTRAINT salary_positive CHECK (amount > 0))
--;;
CREATE INDEX salary_amount_desc ON salary (amount DESC, emp_no)
--;;
CREATE VIEW current_dept_emp AS SELECT emp_no, dept_no FROM dept_emp WHERE to_date IS NULL
