CREATE TABLE department (dept_no CHAR(4) NOT NULL, dept_name VARCHAR(40) NOT NULL, PRIMARY KEY (dept_no),
  UNIQUE KEY dept_name (dept_name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE employee (emp_no INT NOT NULL AUTO_INCREMENT, birth_date DATE NOT NULL, first_name VARCHAR(14) NOT NULL,
  last_name VARCHAR(16) NOT NULL, gender ENUM('M','F','X') NOT NULL, manager_no INT,
  hire_date DATE NOT NULL DEFAULT (CURRENT_DATE), PRIMARY KEY (emp_no),
  CONSTRAINT fk_manager FOREIGN KEY (manager_no) REFERENCES employee (emp_no) ON DELETE SET NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE dept_emp (emp_no INT NOT NULL, dept_no CHAR(4) NOT NULL, from_date DATE NOT NULL, to_date DATE,
  PRIMARY KEY (dept_no, emp_no),
  CONSTRAINT fk_de_emp FOREIGN KEY (emp_no) REFERENCES employee (emp_no) ON DELETE CASCADE,
  CONSTRAINT fk_de_dept FOREIGN KEY (dept_no) REFERENCES department (dept_no) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE TABLE salary (emp_no INT NOT NULL, from_date DATE NOT NULL, amount DECIMAL(10,2) NOT NULL,
  PRIMARY KEY (emp_no, from_date), CONSTRAINT salary_positive CHECK (amount > 0),
  CONSTRAINT fk_salary_emp FOREIGN KEY (emp_no) REFERENCES employee (emp_no) ON DELETE CASCADE) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4
--;;
CREATE VIEW current_dept_emp AS SELECT emp_no, dept_no FROM dept_emp WHERE to_date IS NULL
--;;
CREATE FUNCTION years_between(a DATE, b DATE) RETURNS INT DETERMINISTIC RETURN TIMESTAMPDIFF(YEAR, a, b)
